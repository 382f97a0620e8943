package se.nduh.kernel.experience;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contact of a shared experience is a role ("Strateg, hälso- och sjukvårdsförvaltningen"), never a person:
 * events are kept forever and released experiences travel to every region. Pure functions over the text, also
 * applied to the experience's title and summary, which travel with it.
 */
public final class ContactRole {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    /**
     * A Swedish personal identity (or co-ordination) number: (CC)YYMMDD, an optional '-' or '+', four digits.
     * No checksum is required: a mistyped number is still somebody's number.
     */
    private static final Pattern IDENTITY_NUMBER = Pattern.compile("(?<!\\d)(?:19|20)?\\d{2}(0[1-9]|1[0-2])(\\d{2})[-+ ]?\\d{4}(?!\\d)");
    /**
     * A Swedish mobile number (07x or +46 7x, with or without spaces and dashes): a mobile belongs to a person,
     * where an organisation's switchboard number does not.
     */
    private static final Pattern MOBILE_NUMBER = Pattern.compile("(?<![\\d+])(?:\\+46|0046|0)[\\s-]?7[02369](?:[\\s-]?\\d){7}(?!\\d)");
    /** A common Swedish first name followed by a capitalised word: "Anna Svensson", "Lars-Erik Holm". */
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}-])(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)(?=\\s+\\p{Lu}\\p{Ll}+)");
    private static final Set<String> FIRST_NAMES = Set.of(
            "Anna", "Eva", "Maria", "Karin", "Sara", "Christina", "Lena", "Emma", "Kerstin", "Elin", "Marie", "Ingrid",
            "Malin", "Jenny", "Hanna", "Linda", "Birgitta", "Sofia", "Annika", "Susanne", "Inger", "Johanna", "Ulla",
            "Elisabeth", "Monica", "Ida", "Camilla", "Julia", "Helena", "Margareta", "Åsa", "Anneli", "Therese",
            "Ebba", "Frida", "Agneta", "Cecilia", "Gunilla", "Lisa", "Matilda", "Ann", "Anette", "Elsa", "Maja",
            "Ellen", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Carl", "Mikael", "Jan", "Hans",
            "Peter", "Olof", "Lennart", "Gunnar", "Sven", "Fredrik", "Daniel", "Bengt", "Bo", "Alexander", "Gustav",
            "Magnus", "Göran", "Stefan", "Thomas", "Andreas", "Jonas", "Mattias", "Martin", "Björn", "Oskar",
            "Henrik", "Leif", "Mats", "Ulf", "Christer", "Marcus", "Emil", "David", "Niklas", "Patrik", "Joakim",
            "Tobias", "Sebastian", "Robert", "Kjell", "Rolf", "Stig", "Anton", "William", "Hugo", "Lucas", "Oscar",
            "Ahmed", "Mohammed", "Ali", "Fatima", "Lars-Erik", "Karl-Erik", "Jan-Erik", "Ann-Christin", "Ann-Marie");

    private ContactRole() {
    }

    /**
     * Whether the text points at one person rather than a role: it holds an e-mail address, a personal identity
     * number, a mobile number or a first name with a surname.
     */
    public static boolean looksPersonal(String text) {
        return text != null && (EMAIL.matcher(text).find() || holdsIdentityNumber(text)
                || MOBILE_NUMBER.matcher(text).find() || holdsName(text));
    }

    private static boolean holdsIdentityNumber(String text) {
        Matcher matcher = IDENTITY_NUMBER.matcher(text);
        while (matcher.find()) {
            int day = Integer.parseInt(matcher.group(2));
            if ((day >= 1 && day <= 31) || (day >= 61 && day <= 91)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsName(String text) {
        Matcher matcher = NAME.matcher(text);
        while (matcher.find()) {
            if (FIRST_NAMES.contains(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }
}
