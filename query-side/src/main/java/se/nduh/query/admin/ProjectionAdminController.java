package se.nduh.query.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/** The operators' view of the projections: where each stands, a rebuild from the event store, dead letters. */
@RestController
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/api/v1/admin/projections")
    Mono<List<ProjectionAdmin.Status>> projections() {
        return Mono.fromCallable(admin::all).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/v1/admin/dead-letters")
    Mono<List<ProjectionAdmin.DeadLetterView>> deadLetters() {
        return Mono.fromCallable(admin::deadLetters).subscribeOn(Schedulers.boundedElastic());
    }

    record Retried(String readModel, int succeeded) {
    }

    @PostMapping("/api/v1/admin/dead-letters/{name}/retry")
    Mono<Retried> retry(@PathVariable String name) {
        return Mono.fromCallable(() -> new Retried(name, admin.retryDeadLetters(name))).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/api/v1/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ProjectionAdmin.Status> rebuild(@PathVariable String name) {
        return Mono.fromCallable(() -> admin.rebuild(name)).subscribeOn(Schedulers.boundedElastic());
    }
}
