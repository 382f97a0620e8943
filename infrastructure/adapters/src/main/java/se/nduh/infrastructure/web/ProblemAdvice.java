package se.nduh.infrastructure.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.mongo.DatabaseAway;
import se.nduh.kernel.rule.RuleViolation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where failures become RFC 9457 problems: a broken rule names its code and field, bad input
 * names every field and the rule it breaks, and anything unforeseen is logged and answered with a {@code 500}
 * that leaks nothing.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(RuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        return problem(Problems.ruleViolation(violation));
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingAggregateVersionException.class})
    public ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this item since you read it; reload it and try again.");
        problem.setTitle("Concurrent change");
        problem.setType(Problems.type("stale-version"));
        problem.setProperty("field", "expectedVersion");
        return problem(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such item.");
        problem.setTitle("Not found");
        return problem(problem);
    }

    /**
     * The database away (a crash, a fail-over) is no bug of the request: {@code 503} with {@code Retry-After}, and
     * since a write may have reached the store before the connection broke, the advice to send it again with the
     * same {@code Idempotency-Key}.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        if (DatabaseAway.causedBy(e)) {
            log.warn("The database is unreachable on {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database cannot be reached right now. Send the request again shortly, with the same Idempotency-Key, "
                            + "so that it is carried out once.");
            problem.setTitle("Unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed to handle the request. The failure is logged.");
        problem.setTitle("Internal error");
        return problem(problem);
    }

    /** Bean Validation on a request body: every field and the rule it breaks. */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, Object>> errors = ex.getFieldErrors().stream()
                .map(ProblemAdvice::fieldError)
                .toList();
        String fields = errors.stream().map(error -> (String) error.get("field")).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + fields);
        problem.setTitle("Invalid request");
        problem.setType(Problems.type("invalid-request"));
        problem.setProperty("errors", errors);
        return Mono.just(problemObject(problem));
    }

    /** A query parameter outside its bounds: every parameter and the rule it breaks. */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                                  ServerWebExchange exchange) {
        List<Map<String, Object>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.<String, Object>of(
                        // a body validated with a constrained path variable names its own fields
                        "field", error instanceof FieldError field ? field.getField()
                                : result.getMethodParameter().getParameterName() == null ? "parameter"
                                : result.getMethodParameter().getParameterName(),
                        "rule", error.getCodes() == null || error.getCodes().length == 0 ? "invalid"
                                : error.getCodes()[error.getCodes().length - 1],
                        "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid parameters: "
                + errors.stream().map(error -> (String) error.get("field")).distinct().collect(Collectors.joining(", ")));
        problem.setTitle("Invalid request");
        problem.setType(Problems.type("invalid-request"));
        problem.setProperty("errors", errors);
        return Mono.just(problemObject(problem));
    }

    /** Malformed JSON or a value of the wrong type: name the field when the JSON parser knows it. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        JsonMappingException mapping = cause(ex, JsonMappingException.class);
        String field = mapping == null ? null : mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        ProblemDetail problem;
        if (mapping instanceof UnrecognizedPropertyException && field != null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Field '" + field + "' is not part of this request.");
            problem.setProperty("errors", List.of(Map.of("field", field, "rule", "unknown",
                    "message", "is not part of this request")));
        } else if (field != null && !field.isEmpty()) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Field '" + field + "' has a value of the wrong type or format.");
            problem.setProperty("errors", List.of(Map.of("field", field, "rule", "type",
                    "message", "has a value of the wrong type or format")));
        } else if (ex.getMethodParameter() != null && !ex.getMethodParameter().hasParameterAnnotation(RequestBody.class)
                && ex.getMethodParameter().getParameterName() != null) {
            String parameter = ex.getMethodParameter().getParameterName();
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Parameter '" + parameter + "' has a value of the wrong type or format.");
            problem.setProperty("errors", List.of(Map.of("field", parameter, "rule", "type",
                    "message", "has a value of the wrong type or format")));
        } else if (ex.getMethodParameter() != null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is missing or is not well-formed JSON.");
            problem.setProperty("errors", List.of(Map.of("field", "body", "rule", "json", "message", "must be well-formed JSON")));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getReason() == null ? "Invalid request." : ex.getReason());
        }
        problem.setTitle("Invalid request");
        problem.setType(Problems.type("invalid-request"));
        return Mono.just(problemObject(problem));
    }

    /** Everything Spring itself refuses (unknown path, wrong method, unsupported media type) as a problem too. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                                ServerWebExchange exchange) {
        HttpHeaders problemHeaders = new HttpHeaders();
        if (headers != null) {
            problemHeaders.putAll(headers);
        }
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return Mono.just(new ResponseEntity<>(body, problemHeaders, status));
    }

    private static Map<String, Object> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "rule", error.getCode() == null ? "invalid" : error.getCode(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> problemObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
