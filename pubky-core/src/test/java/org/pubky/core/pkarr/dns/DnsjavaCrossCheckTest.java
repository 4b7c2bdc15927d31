package org.pubky.core.pkarr.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.pkarr.dns.DnsTestSupport.hex;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Differential test against dnsjava 3.7.1, an independent DNS implementation: for content both
 * can express (lowercase names, TTLs below 2^31, the modelled types), dnsjava's compressing encoder
 * must produce exactly our bytes, and our decoder must read dnsjava's bytes back to the same
 * packet. This cross-checks the compression algorithm and every rdata layout.
 */
final class DnsjavaCrossCheckTest {
    @Test
    @Timeout(60)
    void dnsjavaWritesTheSameBytesAndWeReadThemBack() throws IOException {
        RandomPackets gen = new RandomPackets(7, true);
        for (int i = 0; i < 3000; i++) {
            DnsPacket packet = gen.packet();
            byte[] theirs = dnsjavaEncode(packet);
            assertThat(hex(packet.encode())).as("packet %d: %s", i, packet).isEqualTo(hex(theirs));
            assertThat(DnsPacket.decode(theirs)).isEqualTo(packet);
            // And dnsjava reads ours to the same records.
            Message parsed = new Message(packet.encode());
            List<Record> answers = parsed.getSection(Section.ANSWER);
            assertThat(answers).hasSize(packet.answers().size());
            for (int k = 0; k < answers.size(); k++) {
                ResourceRecord rr = packet.answers().get(k);
                assertThat(answers.get(k).getType()).isEqualTo(rr.type());
                assertThat(answers.get(k).getTTL()).isEqualTo(rr.ttl());
                assertThat(answers.get(k).getName().toWire()).isEqualTo(rr.name().toWire());
            }
        }
    }

    @Test
    void dnsjavaCompressesCaseInsensitivelyWhichIsWhyWeDoNotUseIt() throws IOException {
        DnsPacket packet = DnsPacket.reply(List.of(
                new ResourceRecord(DnsName.of("Foo.example"), 60, ARecord.of(new byte[] {1, 2, 3, 4})),
                new ResourceRecord(DnsName.of("foo.example"), 60, ARecord.of(new byte[] {1, 2, 3, 4}))));
        byte[] theirs = dnsjavaEncode(packet);
        assertThat(theirs).isNotEqualTo(packet.encode());
        // dnsjava points the second name at the first, so the second record's owner comes back
        // as "Foo.example": a different name for PKARR, which compares names case-sensitively.
        assertThat(DnsPacket.decode(theirs).answers().get(1).name().toString()).isEqualTo("Foo.example");
    }

    static byte[] dnsjavaEncode(DnsPacket packet) throws IOException {
        Message message = new Message(packet.id());
        message.getHeader().setFlag(Flags.QR);
        for (ResourceRecord rr : packet.answers()) {
            Name name = new Name(new DNSInput(rr.name().toWire()));
            byte[] rdata = DnsTestSupport.rdataOf(rr.data());
            message.addRecord(Record.newRecord(name, rr.type(), DClass.IN, rr.ttl(), rdata), Section.ANSWER);
        }
        return message.toWire();
    }
}
