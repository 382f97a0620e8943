package se.nduh.query;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/** The operators' view of the projections: where each stands, and a rebuild from the event store. */
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

    @PostMapping("/api/v1/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ProjectionAdmin.Status> rebuild(@PathVariable String name) {
        return Mono.fromCallable(() -> admin.rebuild(name)).subscribeOn(Schedulers.boundedElastic());
    }
}
