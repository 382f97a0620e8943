/**
 * The web pages, in Swedish with an English toggle: server-rendered frames ({@link se.nduh.query.web.Pages}) whose
 * scripts read the API as the signed-in user, and the passage of their commands to the command side
 * ({@link se.nduh.query.web.CommandSidePassage}).
 */
package se.nduh.query.web;
