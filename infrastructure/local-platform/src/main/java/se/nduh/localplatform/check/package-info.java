/**
 * Checks the launcher runs against a running platform: a load of commands through the API as the demo users
 * ({@code LoadCheck}), crashes in the middle of one ({@code FaultSuite}), a scan of the comparison topic for anything
 * personal ({@code PersonalDataScan}), and the speed benchmark against the servers' own limits ({@code Benchmark}).
 */
package se.nduh.localplatform.check;
