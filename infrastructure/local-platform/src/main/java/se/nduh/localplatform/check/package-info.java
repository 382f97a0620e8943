/**
 * Checks the launcher runs against a running platform: a load of commands through the API as the demo users
 * ({@code LoadCheck}), and a scan of the comparison topic for anything personal ({@code PersonalDataScan}).
 */
package se.nduh.localplatform.check;
