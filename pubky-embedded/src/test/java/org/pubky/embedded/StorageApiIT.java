package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pubky.core.hash.ContentHash;
import org.pubky.core.keys.Keypair;

/** The storage API over real HTTP: both addressings, headers, conditionals, listing, errors. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class StorageApiIT {
    @RegisterExtension
    static final RunningHomeserver HS = new RunningHomeserver();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putGetHeadDeleteOnThePathAddressedRoute() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        String url = "/storage/" + u.z32() + "/pub/foo.txt";
        byte[] content = {0, 1, 2, 3, 4};
        assertThat(HS.api().send("PUT", url, content, u.auth()).status()).isEqualTo(201);

        Api.Resp get = HS.api().get(url);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).containsExactly(content);
        assertThat(get.header("Content-Type")).hasValue("text/plain");
        assertThat(get.header("Content-Length")).hasValue("5");
        assertThat(get.header("ETag")).hasValue(ContentHash.of(content).etag());
        assertThat(get.header("Last-Modified")).isPresent();
        assertThat(get.header("Cache-Control")).hasValue("private, must-revalidate");
        assertThat(get.header("Vary")).isEmpty();

        Api.Resp head = HS.api().send("HEAD", url, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).hasValue("5");
        assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        assertThat(head.body()).isEmpty();

        assertThat(HS.api().send("DELETE", url, null, u.auth()).status()).isEqualTo(204);
        assertThat(HS.api().get(url).status()).isEqualTo(404);
        assertThat(HS.api().send("DELETE", url, null, u.auth()).status()).isEqualTo(404);
    }

    @Test
    void legacyAndPathAddressedRoutesShareTheSameFiles() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        assertThat(HS.api().send("PUT", "/pub/foo.txt", bytes("legacy"), u.with("pubky-host", u.z32())).status()).isEqualTo(201);
        Api.Resp viaStorage = HS.api().get("/storage/" + u.z32() + "/pub/foo.txt");
        assertThat(viaStorage.text()).isEqualTo("legacy");
        Api.Resp viaLegacy = HS.api().get("/pub/foo.txt", "pubky-host", u.z32());
        assertThat(viaLegacy.text()).isEqualTo("legacy");
        assertThat(viaLegacy.header("Vary")).hasValue("pubky-host");
        Api.Resp viaQuery = HS.api().get("/pub/foo.txt?pubky-host=" + u.z32());
        assertThat(viaQuery.text()).isEqualTo("legacy");
        assertThat(HS.api().send("DELETE", "/storage/" + u.z32() + "/pub/foo.txt", null, u.auth()).status()).isEqualTo(204);
        assertThat(HS.api().get("/pub/foo.txt", "pubky-host", u.z32()).status()).isEqualTo(404);
    }

    @Test
    void pathAddressingIgnoresLegacyTenantInputs() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        Api.User o = HS.api().signupCookie(Keypair.random());
        HS.api().send("PUT", "/storage/" + u.z32() + "/pub/file.txt", bytes("u's"), u.auth());
        Api.Resp r = HS.api().get("/storage/" + u.z32() + "/pub/file.txt?pubky-host=" + o.z32(), "pubky-host", o.z32());
        assertThat(r.text()).isEqualTo("u's");
        assertThat(r.header("Vary")).isEmpty();
    }

    @Test
    void malformedPathAddressingIsAClientError() {
        String u = Keypair.random().publicKey().z32();
        assertThat(HS.api().get("/storage").text()).isEqualTo("Missing storage owner or path");
        assertThat(HS.api().get("/storage/").status()).isEqualTo(400);
        assertThat(HS.api().get("/storage/short/pub/file.txt").text()).isEqualTo("Invalid storage owner public key");
        assertThat(HS.api().get("/storage/pubky" + u + "/pub/file.txt").text()).isEqualTo("Invalid storage owner public key");
        assertThat(HS.api().get("/storage/" + "0".repeat(52) + "/pub/file.txt").status()).isEqualTo(400);
        Api.Resp missing = HS.api().get("/storage/" + u + "/", "Origin", "https://app.example");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).isEqualTo("Missing storage path");
        assertThat(missing.header("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(HS.api().send("PUT", "/storage/" + u + "/pub/file.txt", bytes("x")).status()).isEqualTo(401);
    }

    @Test
    void writesNeedTheOwnersSessionWithACoveringCapability() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        Api.User o = HS.api().signupCookie(Keypair.random());
        String url = "/storage/" + u.z32() + "/pub/foo.txt";
        Api.Resp anonymous = HS.api().send("PUT", url, bytes("x"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text()).isEqualTo("No authenticated session found");
        // another user's cookie is looked up under the path owner's name, so it is simply absent
        assertThat(HS.api().send("PUT", url, bytes("x"), "Cookie", o.auth()[1].replace(o.z32(), o.z32())).status()).isEqualTo(401);
        Api.User scoped = HS.api().signinCookie(u.keypair(), "/pub/pubky.app/:rw,/pub/foo.bar/file:r");
        String base = "/storage/" + u.z32();
        assertThat(HS.api().send("PUT", base + "/pub/pubky.app/foo", bytes("x"), scoped.auth()).status()).isEqualTo(201);
        Api.Resp parent = HS.api().send("PUT", base + "/pub/pubky.app", bytes("x"), scoped.auth());
        assertThat(parent.status()).isEqualTo(403);
        assertThat(parent.text()).isEqualTo("Session does not have write access to path");
        assertThat(HS.api().send("PUT", base + "/pub/foo.bar/file", bytes("x"), scoped.auth()).status()).isEqualTo(403);
        Api.Resp outside = HS.api().send("PUT", base + "/foo/example.com/x", bytes("x"), u.auth());
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.text()).isEqualTo("Writing to directories other than '/pub/' and '/priv/' is forbidden");
        Api.Resp readOutside = HS.api().get(base + "/foo/x", u.auth());
        assertThat(readOutside.text()).isEqualTo("Reading from directories other than '/pub/' and '/priv/' is forbidden");
    }

    @Test
    void conditionalRequestsAnswerNotModified() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        String url = "/storage/" + u.z32() + "/pub/cond.txt";
        HS.api().send("PUT", url, bytes("alice"), u.auth());
        Api.Resp first = HS.api().get(url);
        String etag = first.header("ETag").orElseThrow();
        String modified = first.header("Last-Modified").orElseThrow();
        Api.Resp byTag = HS.api().get(url, "If-None-Match", "\"other\", " + etag);
        assertThat(byTag.status()).isEqualTo(304);
        assertThat(byTag.header("ETag")).hasValue(etag);
        assertThat(byTag.header("Cache-Control")).hasValue("private, must-revalidate");
        assertThat(byTag.body()).isEmpty();
        assertThat(HS.api().get(url, "If-Modified-Since", modified).status()).isEqualTo(304);
        HS.api().send("PUT", url, bytes("bob"), u.auth());
        // If-None-Match takes precedence: a stale tag is a full answer even with a matching date
        Api.Resp stale = HS.api().get(url, "If-None-Match", etag, "If-Modified-Since", modified);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.text()).isEqualTo("bob");
    }

    @Test
    void contentTypeComesFromMagicBytesThenExtension() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        String base = "/storage/" + u.z32();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        HS.api().send("PUT", base + "/pub/foo", png, u.with("Content-Type", "text/html"));
        assertThat(HS.api().get(base + "/pub/foo").header("Content-Type")).hasValue("image/png");
        HS.api().send("PUT", base + "/pub/data.json", bytes("{\"a\":1}"), u.with("Content-Type", "application/json"));
        assertThat(HS.api().get(base + "/pub/data.json").header("Content-Type")).hasValue("application/json");
        HS.api().send("PUT", base + "/pub/blob", bytes("plain words"), u.auth());
        assertThat(HS.api().get(base + "/pub/blob").header("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void listingIsByteOrderedAndPaged() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        String base = "/storage/" + u.z32();
        for (String p : new String[] {"/pub/a.com/a.txt", "/pub/example.com/a.txt", "/pub/example.com/b.txt",
                "/pub/example.com/c.txt", "/pub/example.com/d.txt", "/pub/example.con/d.txt", "/pub/example.con-file",
                "/pub/file", "/pub/file2", "/pub/z.com/a.txt", "/pub/example.com/cc-nested/z.txt"}) {
            assertThat(HS.api().send("PUT", base + p, bytes(p), u.auth()).status()).isEqualTo(201);
        }
        String pre = "pubky://" + u.z32();
        Api.Resp deep = HS.api().get(base + "/pub/example.com/");
        assertThat(deep.text()).isEqualTo(String.join("\n", pre + "/pub/example.com/a.txt", pre + "/pub/example.com/b.txt",
                pre + "/pub/example.com/c.txt", pre + "/pub/example.com/cc-nested/z.txt", pre + "/pub/example.com/d.txt"));
        assertThat(deep.header("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(HS.api().get(base + "/pub/example.com/?limit=2&cursor=" + u.z32() + "/pub/example.com/a.txt").text())
                .isEqualTo(pre + "/pub/example.com/b.txt\n" + pre + "/pub/example.com/c.txt");
        assertThat(HS.api().get(base + "/pub/?shallow").text()).isEqualTo(String.join("\n", pre + "/pub/a.com/",
                pre + "/pub/example.com/", pre + "/pub/example.con-file", pre + "/pub/example.con/", pre + "/pub/file",
                pre + "/pub/file2", pre + "/pub/z.com/"));
        assertThat(HS.api().get(base + "/pub/?shallow&limit=2&cursor=pubky://" + u.z32() + "/pub/example.com/a.txt").text())
                .isEqualTo(pre + "/pub/example.con-file\n" + pre + "/pub/example.con/");
        assertThat(HS.api().get(base + "/pub/?shallow&reverse&limit=2").text())
                .isEqualTo(pre + "/pub/z.com/\n" + pre + "/pub/file2");
        assertThat(HS.api().get(base + "/pub/nothing/").status()).isEqualTo(404);
        assertThat(HS.api().get(base + "/pub/nothing/").text()).isEqualTo("Directory Not Found");
        assertThat(HS.api().get(base + "/pub/?shallow=maybe").text()).isEqualTo("Invalid boolean parameter");
        assertThat(HS.api().get(base + "/pub/?cursor=garbage").text()).isEqualTo("Invalid cursor");
    }

    @Test
    void fileAndFolderCannotCollide() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        String base = "/storage/" + u.z32();
        assertThat(HS.api().send("PUT", base + "/pub/app/foo", bytes("1"), u.auth()).status()).isEqualTo(201);
        Api.Resp below = HS.api().send("PUT", base + "/pub/app/foo/bar.json", bytes("2"), u.auth());
        assertThat(below.status()).isEqualTo(409);
        assertThat(below.text()).isEqualTo("File/folder path collision");
        assertThat(HS.api().get(base + "/pub/app/foo/bar.json").status()).isEqualTo(404);
        assertThat(HS.api().send("PUT", base + "/pub/app/foo1/bar.json", bytes("3"), u.auth()).status()).isEqualTo(201);
        assertThat(HS.api().send("PUT", base + "/pub/app/foo", bytes("4"), u.auth()).status()).isEqualTo(201);
    }

    @Test
    void invalidPathAliasesCannotTouchTheRealFile() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        String base = "/storage/" + u.z32();
        HS.api().send("PUT", base + "/pub/report", bytes("original"), u.auth());
        for (String alias : new String[] {"/pub/report%20", "/pub/report%C2%A0", "/pub/report%E3%80%80", "/pub/scope/%5C..%5Creport"}) {
            assertThat(HS.api().send("PUT", base + alias, bytes("evil"), u.auth()).status()).as(alias).isEqualTo(400);
            assertThat(HS.api().send("DELETE", base + alias, null, u.auth()).status()).as(alias).isEqualTo(400);
        }
        assertThat(HS.api().get(base + "/pub/report").text()).isEqualTo("original");
        assertThat(HS.api().send("PUT", base + "/pub/directory/", bytes("x"), u.auth()).status()).isEqualTo(400);
    }

    @Test
    void privateStorageIsOwnerOnlyAndNeverCached() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        String base = "/storage/" + u.z32();
        assertThat(HS.api().send("PUT", base + "/priv/app/secret.txt", bytes("top secret"), u.auth()).status()).isEqualTo(201);
        Api.Resp owner = HS.api().get(base + "/priv/app/secret.txt", u.auth());
        assertThat(owner.text()).isEqualTo("top secret");
        assertThat(owner.header("Cache-Control")).hasValue("no-store");
        assertThat(owner.header("Vary")).hasValue("Authorization, Cookie");
        for (String path : new String[] {"/priv/app/secret.txt", "/priv/app/absent.txt", "/priv/app/"}) {
            Api.Resp anonymous = HS.api().get(base + path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.header("Cache-Control")).hasValue("no-store");
            assertThat(anonymous.header("ETag")).isEmpty();
        }
        assertThat(HS.api().get(base + "/priv/app/secret.txt", "If-None-Match", owner.header("ETag").orElseThrow()).status())
                .isEqualTo(401);
        assertThat(HS.api().get(base + "/priv/app/absent.txt", u.auth()).status()).isEqualTo(404);
        Api.User other = HS.api().signupCookie(Keypair.random());
        Api.User otherBearer = HS.api().grantSession(other.keypair(), Keypair.random(), "x.app", "/priv/app/:rw");
        assertThat(HS.api().get(base + "/priv/app/secret.txt", otherBearer.auth()).status()).isEqualTo(403);
        Api.User scoped = HS.api().signinCookie(u.keypair(), "/priv/other/:rw");
        assertThat(HS.api().get(base + "/priv/app/secret.txt", scoped.auth()).text()).isEqualTo("Session does not have read access to path");
        Api.Resp legacy = HS.api().get("/priv/app/secret.txt", u.with("pubky-host", u.z32()));
        assertThat(legacy.header("Vary")).hasValue("pubky-host, Authorization, Cookie");
    }

    @Test
    void largeBodiesStreamThrough() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        byte[] big = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        String url = "/storage/" + u.z32() + "/pub/big.bin";
        assertThat(HS.api().send("PUT", url, big, u.auth()).status()).isEqualTo(201);
        Api.Resp r = HS.api().get(url);
        assertThat(r.body()).isEqualTo(big);
        assertThat(r.header("ETag")).hasValue(ContentHash.of(big).etag());
    }
}
