package se.nduh.query.keys;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import se.nduh.infrastructure.kafka.PublicKeyFiles;

/** What received records are checked against: the public keys of the keys this deployment holds and of the others'. */
@Configuration(proxyBeanMethods = false)
@Import(PublicKeyFiles.class)
class KeysConfiguration {
}
