package org.pubky.embedded.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's Implementation-Version. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"pubky-homeserver " + (version != null ? version : "development build")};
    }
}
