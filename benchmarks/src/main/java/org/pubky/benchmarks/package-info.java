/**
 * JMH benchmarks of the protocol core. Run with the command in docs/benchmarks.md, never by the test suite.
 */
package org.pubky.benchmarks;
