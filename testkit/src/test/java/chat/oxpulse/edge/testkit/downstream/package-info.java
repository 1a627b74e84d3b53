/** Tests written the way a downstream project uses the testkit: from outside its packages. */
package chat.oxpulse.edge.testkit.downstream;
