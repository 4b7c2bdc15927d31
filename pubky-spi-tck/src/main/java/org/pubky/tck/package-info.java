/**
 * Abstract JUnit 5 contract tests for the SPIs of {@code org.pubky.spi}. A backend proves it is a faithful implementation by subclassing each contract and supplying a factory; see {@code samples/custom-store}.
 */
package org.pubky.tck;
