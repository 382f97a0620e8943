package se.nduh.infrastructure.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;

/**
 * Reads a request's text as text only: a number or a boolean where a text is due is refused as the wrong type
 * ({@code 400} naming the field) instead of being turned into {@code "42"}. For the items of a list of texts:
 * {@code @JsonDeserialize(contentUsing = TextOnly.class)}.
 */
public final class TextOnly extends StdScalarDeserializer<String> {

    public TextOnly() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            return parser.getText();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
