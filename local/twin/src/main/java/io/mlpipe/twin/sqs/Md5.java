package io.mlpipe.twin.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The MD5 digests SQS answers and the SDKs check: of the body, and of the message attributes in SQS's
 * documented binary encoding (names sorted; each name, data type and value length-prefixed; a transport
 * byte 1 for String/Number, 2 for Binary).
 */
final class Md5 {
    private Md5() {
    }

    static String ofText(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @param attributes {@code {"name": {"DataType": ..., "StringValue"|"BinaryValue": ...}}}; null when empty */
    static String ofAttributes(JsonNode attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            JsonNode attribute = attributes.get(name);
            String type = attribute.path("DataType").asText();
            lengthPrefixed(out, name.getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(out, type.getBytes(StandardCharsets.UTF_8));
            if (type.startsWith("Binary")) {
                out.write(2);
                lengthPrefixed(out, Base64.getDecoder().decode(attribute.path("BinaryValue").asText()));
            } else {
                out.write(1);
                lengthPrefixed(out, attribute.path("StringValue").asText().getBytes(StandardCharsets.UTF_8));
            }
        }
        return hex(out.toByteArray());
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
