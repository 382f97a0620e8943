package se.nduh.kernel.experience;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A contact is a role to ask, never a person. */
class ContactRoleTest {

    @ParameterizedTest
    @ValueSource(strings = {"Strateg, hälso- och sjukvårdsförvaltningen", "Utvecklingsledare, Region Hallands kansli",
            "Växeln 010-476 10 00, fråga efter behovsanalytikern", "Enhetschef område 2025",
            "Behovsanalytiker, Region Västra Götaland", "Per capita i Region Skåne"})
    void a_role_is_a_contact(String contact) {
        assertThat(ContactRole.looksPersonal(contact)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna Svensson 070-123 45 67", "Anna Svensson", "Strateg Lars-Erik Holm", "Ring 0701234567",
            "+46 70 123 45 67", "Mobil: 073-123 45 67", "Kontakta Fatima Ali på vårdcentralen"})
    void a_mobile_number_or_a_first_name_with_a_surname_is_a_person(String contact) {
        assertThat(ContactRole.looksPersonal(contact)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.andersson@regionhalland.se", "Strateg (anna@rh.se)", "19800101-1234", "800101-1234",
            "8001011234", "198001011234", "Kontakt: 800161+1234"})
    void an_email_address_or_a_personal_identity_number_is_a_person(String contact) {
        assertThat(ContactRole.looksPersonal(contact)).isTrue();
    }
}
