package org.pubky.core.path;

/** What a {@link Capability} allows on its scope; written as one letter on the wire. */
public enum Action {
    /** {@code r}: GET, HEAD and listing. */
    READ('r'),
    /** {@code w}: PUT and DELETE. */
    WRITE('w');

    private final char letter;

    Action(char letter) {
        this.letter = letter;
    }

    /** The wire letter, {@code r} or {@code w}. */
    public char letter() {
        return letter;
    }
}
