package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.core.keys.Keypair;

/** The admin WebDAV subset at {@code /dav/}: Basic auth, PUT/GET/DELETE/PROPFIND, quota. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class AdminDavIT {
    private static final String PASSWORD = "dav-secret";

    private static PubkyHomeserver server;
    private static Api api;
    private static Api dav;

    @BeforeAll
    static void start() {
        server = PubkyHomeserver.builder().clientPort(0).adminPort(0).adminPassword(PASSWORD)
                .signupMode(SignupMode.OPEN).metadataStore("memory").blobStore("memory")
                .config(Map.of("pubky.quota.storage-mb", "1")).start();
        api = new Api(server.clientUri(), server.publicKey());
        dav = new Api(server.adminUri().orElseThrow(), server.publicKey());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static Api.Resp send(String method, String path, byte[] body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = basic("admin:" + PASSWORD);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return dav.send(method, path, body, all);
    }

    // HS-ADM-015
    @Test
    void theRootListsUsers() {
        Api.User u = api.signupCookie(Keypair.random());
        Api.Resp propfind = send("PROPFIND", "/dav/", null, "Depth", "1");
        assertThat(propfind.status()).isEqualTo(207);
        assertThat(propfind.text()).contains("<D:multistatus").contains("/dav/" + u.z32() + "/");
        Api.Resp get = send("GET", "/dav/", null);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).contains(u.z32());
    }

    // HS-ADM-016
    @Test
    void filesCanBeWrittenReadListedAndDeleted() {
        Api.User u = api.signupCookie(Keypair.random());
        String url = "/dav/" + u.z32() + "/pub/test.txt";
        byte[] content = "hello webdav".getBytes(StandardCharsets.UTF_8);
        assertThat(send("PUT", url, content).status()).isEqualTo(201);
        assertThat(send("GET", url, null).body()).isEqualTo(content);
        assertThat(api.get("/storage/" + u.z32() + "/pub/test.txt").body()).isEqualTo(content);
        Api.Resp listing = send("PROPFIND", "/dav/" + u.z32() + "/pub/", null, "Depth", "1");
        assertThat(listing.status()).isEqualTo(207);
        assertThat(listing.text()).contains("test.txt").contains("<D:getcontentlength>12</D:getcontentlength>");
        assertThat(send("PROPFIND", "/dav/" + u.z32() + "/pub/", null, "Depth", "0").text()).doesNotContain("test.txt");
        assertThat(send("PUT", url, content).status()).isEqualTo(204);
        assertThat(send("DELETE", url, null).status()).isEqualTo(204);
        assertThat(send("GET", url, null).status()).isEqualTo(404);
        assertThat(send("PROPFIND", url, null).status()).isEqualTo(404);
    }

    // HS-ADM-017
    @Test
    void aPutOverTheQuotaIs500AsInTheReference() {
        Api.User u = api.signupCookie(Keypair.random());
        assertThat(send("PUT", "/dav/" + u.z32() + "/pub/one.bin", new byte[600_000]).status()).isEqualTo(201);
        assertThat(send("PUT", "/dav/" + u.z32() + "/pub/two.bin", new byte[600_000]).status()).isEqualTo(500);
        assertThat(send("GET", "/dav/" + u.z32() + "/pub/two.bin", null).status()).isEqualTo(404);
    }

    // HS-ADM-018
    @Test
    void onlyBasicAdminWithThePasswordIsAccepted() {
        List<String> refused = List.of("Bearer " + PASSWORD, "Basic", "Basic !!!notbase64", basic("root:" + PASSWORD),
                basic("admin:wrong"), basic("admin"), basic("admin:" + PASSWORD + " "));
        for (String header : refused) {
            Api.Resp r = dav.send("GET", "/dav/", null, "Authorization", header);
            assertThat(r.status()).as(header).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).hasValue("Basic");
            assertThat(r.text()).isEqualTo("Unauthorized");
        }
        assertThat(dav.get("/dav/").status()).isEqualTo(401);
        assertThat(dav.send("PUT", "/dav/x/pub/a", new byte[1]).status()).isEqualTo(401);
        assertThat(dav.get("/dav/", "X-Admin-Password", PASSWORD).status()).isEqualTo(401);
        assertThat(dav.get("/dav/", "Authorization", "basic " + basic("admin:" + PASSWORD).substring(6)).status())
                .isEqualTo(200);
    }
}
