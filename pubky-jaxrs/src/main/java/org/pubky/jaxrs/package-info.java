/**
 * The HTTP face of pubky-java: JAX-RS resources shared by the embedded server and the WAR. Filled by the homeserver issue.
 */
package org.pubky.jaxrs;
