package com.kineticcasebook.operations;

import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Projection status and rebuilds, for administrators. */
@RestController
@RequestMapping("/api/v1/admin/projections")
class AdminProjectionsController {

  private final ProjectionOperations operations;

  AdminProjectionsController(ProjectionOperations operations) {
    this.operations = operations;
  }

  @GetMapping
  List<ProjectionOperations.ProjectionStatus> list() {
    return operations.list();
  }

  /**
   * 202 once the rebuild is recorded and handed to its thread; 404 for an unknown projection; 409
   * while another live node runs the projection, with nothing recorded.
   */
  @PostMapping("/{name}/rebuild")
  ResponseEntity<Map<String, String>> rebuild(@PathVariable String name) {
    boolean started;
    try {
      started = operations.rebuild(name);
    } catch (ProjectionOperations.Shared e) {
      ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "projection-shared",
          "The projection runs on other nodes", e.getMessage());
      problem.setProperty("otherNodes", e.otherNodes());
      throw new ApiException(problem);
    }
    if (!started) {
      throw new ApiException(Problems.notFound("projection"));
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("name", name, "status", "REBUILDING"));
  }
}
