package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A DNS message (RFC 1035 §4) as PKARR uses it: the wire format of a signed packet's payload.
 *
 * <p>{@link #encode()} writes what the Rust reference ({@code simple-dns}
 * {@code build_bytes_vec_compressed}) writes for the same content: header, then the sections in
 * order, owner names and the names inside CNAME and NS data compressed against every earlier
 * name (byte-exact, case-sensitive suffix matching, pointers only to offsets below 0x4000), SVCB
 * and HTTPS targets and opaque data written as they are and never used as compression targets.
 *
 * <p>{@link #decode} accepts compressed and uncompressed names and follows {@code simple-dns} on
 * what is valid; see {@code docs/protocol.md} (PKARR section) for the few places where it is
 * stricter. Every failure is {@link ErrorCode#INVALID_DNS_PACKET}; no other exception escapes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id message id; PKARR uses 0
 * @param flags the 16 flag bits of the header (QR, opcode, AA, TC, RD, RA, Z, AD, CD, RCODE); the
 *     reserved Z bit (0x0040) must be clear
 * @param questions question section
 * @param answers answer section; PKARR puts every record here
 * @param authorities authority section
 * @param additionals additional section
 */
public record DnsPacket(int id, int flags, List<Question> questions, List<ResourceRecord> answers,
        List<ResourceRecord> authorities, List<ResourceRecord> additionals) {
    /** The QR bit: this message is a response. */
    public static final int FLAG_RESPONSE = 0x8000;
    /** The reserved Z bit, which {@code simple-dns} refuses. */
    public static final int FLAG_RESERVED = 0x0040;
    /** Size of the header. */
    public static final int HEADER_LENGTH = 12;

    public DnsPacket {
        if (id < 0 || id > 0xffff) {
            throw invalid("message id must be 0 to 65535, got " + id);
        }
        if (flags < 0 || flags > 0xffff || (flags & FLAG_RESERVED) != 0) {
            throw invalid("invalid header flags " + flags);
        }
        questions = List.copyOf(requireNonNull(questions, "questions is null"));
        answers = List.copyOf(requireNonNull(answers, "answers is null"));
        authorities = List.copyOf(requireNonNull(authorities, "authorities is null"));
        additionals = List.copyOf(requireNonNull(additionals, "additionals is null"));
        if (questions.size() > 0xffff || answers.size() > 0xffff || authorities.size() > 0xffff
                || additionals.size() > 0xffff) {
            throw invalid("a section holds at most 65535 entries");
        }
    }

    /** The PKARR shape: id 0, flags {@code 0x8000} (a response), everything in the answer section. */
    public static DnsPacket reply(List<ResourceRecord> answers) {
        return new DnsPacket(0, FLAG_RESPONSE, List.of(), answers, List.of(), List.of());
    }

    /** Decodes a whole message. */
    public static DnsPacket decode(byte[] message) {
        requireNonNull(message, "message is null");
        return DnsDecoder.decode(message, 0, message.length);
    }

    /**
     * Decodes the message in {@code data[offset, offset + length)}; compression pointers are
     * relative to {@code offset}. Bytes after the last record are ignored, as {@code simple-dns}
     * does.
     */
    public static DnsPacket decode(byte[] data, int offset, int length) {
        requireNonNull(data, "data is null");
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", +" + length + ") outside " + data.length + " bytes");
        }
        return DnsDecoder.decode(data, offset, length);
    }

    /** The wire form with name compression. */
    public byte[] encode() {
        return DnsEncoder.encode(this);
    }

    private static PubkyException invalid(String message) {
        return new PubkyException(ErrorCode.INVALID_DNS_PACKET, message);
    }
}
