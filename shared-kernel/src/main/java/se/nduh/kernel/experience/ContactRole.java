package se.nduh.kernel.experience;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contact of a shared experience is a role ("Strateg, hälso- och sjukvårdsförvaltningen"), never a person:
 * events are kept forever and released experiences travel to every region. A pure function over the text.
 */
public final class ContactRole {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    /**
     * A Swedish personal identity (or co-ordination) number: (CC)YYMMDD, an optional '-' or '+', four digits.
     * No checksum is required: a mistyped number is still somebody's number.
     */
    private static final Pattern IDENTITY_NUMBER = Pattern.compile("(?<!\\d)(?:19|20)?\\d{2}(0[1-9]|1[0-2])(\\d{2})[-+ ]?\\d{4}(?!\\d)");

    private ContactRole() {
    }

    /** Whether the text names a person rather than a role: it holds an e-mail address or a personal identity number. */
    public static boolean looksPersonal(String contact) {
        return contact != null && (EMAIL.matcher(contact).find() || holdsIdentityNumber(contact));
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
}
