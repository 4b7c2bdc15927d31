package org.pubky.core.homeserver.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A raw query string decoded as {@code application/x-www-form-urlencoded}, the way the reference
 * reads it: pairs in order (repeated keys kept), {@code +} is a space, {@code %XX} escapes are
 * bytes, a malformed escape stays literal, and bytes that are not UTF-8 become U+FFFD. Never fails.
 */
final class FormQuery {
    private FormQuery() {
    }

    /** The decoded pairs; a pair without {@code =} has an empty value; empty pairs are skipped. */
    static List<Map.Entry<String, String>> parse(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                int eq = rawQuery.indexOf('=', start);
                if (eq < 0 || eq > end) {
                    pairs.add(Map.entry(decode(rawQuery, start, end), ""));
                } else {
                    pairs.add(Map.entry(decode(rawQuery, start, eq), decode(rawQuery, eq + 1, end)));
                }
            }
            start = end + 1;
        }
        return pairs;
    }

    private static String decode(String raw, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            char c = raw.charAt(i);
            plain = c != '%' && c != '+';
        }
        if (plain) {
            return raw.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < to && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < to ? i + 2 : i + 1;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        // String's UTF-8 decoder replaces malformed input with U+FFFD, as the reference does
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
