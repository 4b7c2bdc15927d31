package org.pubky.core.bencode;

/**
 * One bencoded value: a byte string, an integer, a list or a dictionary.
 *
 * <p>All implementations are immutable (see {@link BencodeString} for the one caveat about the
 * decoded input) and thread-safe; equality is structural.
 */
public sealed interface BencodeValue permits BencodeString, BencodeInteger, BencodeList, BencodeDict {
    /** Short name of the kind of value, for error messages: "string", "integer", "list", "dict". */
    String kind();
}
