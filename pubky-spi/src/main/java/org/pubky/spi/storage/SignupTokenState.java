package org.pubky.spi.storage;

/** Which signup tokens a listing or count includes. */
public enum SignupTokenState {
    ALL, USED, UNUSED;

    /** Whether a token with this use state is included. */
    public boolean includes(SignupTokenRecord token) {
        return switch (this) {
            case ALL -> true;
            case USED -> token.usedBy().isPresent();
            case UNUSED -> token.usedBy().isEmpty();
        };
    }
}
