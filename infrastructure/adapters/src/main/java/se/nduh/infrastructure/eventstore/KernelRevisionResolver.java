package se.nduh.infrastructure.eventstore;

import org.axonframework.serialization.RevisionResolver;
import se.nduh.kernel.message.Revision;

/** Reads the kernel's own {@link Revision} annotation, so that upcasters can follow a changed event. */
class KernelRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        Revision revision = payloadType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
