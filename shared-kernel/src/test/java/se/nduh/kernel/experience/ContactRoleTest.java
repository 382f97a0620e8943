package se.nduh.kernel.experience;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A contact is a role to ask, never a person. */
class ContactRoleTest {

    @ParameterizedTest
    @ValueSource(strings = {"Strateg, hälso- och sjukvårdsförvaltningen", "Utvecklingsledare, Region Hallands kansli",
            "Växeln 010-476 10 00, fråga efter behovsanalytikern", "Enhetschef område 2025"})
    void a_role_is_a_contact(String contact) {
        assertThat(ContactRole.looksPersonal(contact)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.andersson@regionhalland.se", "Strateg (anna@rh.se)", "19800101-1234", "800101-1234",
            "8001011234", "198001011234", "Kontakt: 800161+1234"})
    void an_email_address_or_a_personal_identity_number_is_a_person(String contact) {
        assertThat(ContactRole.looksPersonal(contact)).isTrue();
    }
}
