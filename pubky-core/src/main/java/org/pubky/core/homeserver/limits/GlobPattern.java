package org.pubky.core.homeserver.limits;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A path glob as rate-limit rules write them (fast-glob syntax): {@code *} matches within one
 * segment, {@code **} any number of segments (including none), {@code ?} one character; every
 * other character is literal. So {@code /pub/**} matches {@code /pub/} and everything below it,
 * and {@code /pub/**}{@code /update} matches {@code /pub/update} and {@code /pub/a/b/update}.
 */
public final class GlobPattern {
    private final String glob;
    private final Pattern regex;

    private GlobPattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    public static GlobPattern compile(String glob) {
        requireNonNull(glob, "glob is null");
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean twin = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (twin) {
                    boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    if (slashAfter) {
                        re.append("(?:.*/)?");
                        i += 3;
                    } else {
                        re.append(".*");
                        i += 2;
                    }
                } else {
                    re.append("[^/]*");
                    i++;
                }
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new GlobPattern(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
