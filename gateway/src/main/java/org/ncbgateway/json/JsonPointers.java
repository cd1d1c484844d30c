package org.ncbgateway.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Turns Jackson's failures into "JSON pointer: reason", so that errors name the place in the document. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** The JSON pointer of the failing value ("" for the whole document). */
    public static String of(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    /** "pointer: reason" with Jackson's own location noise removed. */
    public static String describe(JsonProcessingException e) {
        String pointer = of(e);
        return (pointer.isEmpty() ? "/" : pointer) + ": " + e.getOriginalMessage();
    }
}
