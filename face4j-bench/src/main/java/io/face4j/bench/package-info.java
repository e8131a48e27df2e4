/** JMH benchmarks of face4j's models and pipeline. */
package io.face4j.bench;
