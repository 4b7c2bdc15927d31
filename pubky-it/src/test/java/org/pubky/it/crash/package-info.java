/**
 * The crash-safety test: a child JVM writes through the homeserver's storage path and is killed
 * with SIGKILL at random moments; the parent reopens the stores and checks that every acknowledged
 * unit survived, that in-flight units are all or nothing, and that the orphan sweep leaves no
 * unreferenced blob.
 */
package org.pubky.it.crash;
