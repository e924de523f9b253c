package com.kineticcasebook.casework;

import com.kineticcasebook.caseload.FindOpenCaseOfPatient;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Whether a patient reference already has an open case in a clinic, asked before opening another:
 * a second open case for one patient splits their history, so it is opened only when the
 * clinician says so. The answer comes from the case views and may miss a case opened a moment ago.
 */
@Component
class PatientCases {

  private final QueryGateway queries;

  PatientCases(QueryGateway queries) {
    this.queries = queries;
  }

  Optional<CaseId> openCaseOf(ClinicId clinicId, String patientRef) {
    return queries.query(new FindOpenCaseOfPatient(clinicId, patientRef), ResponseTypes.optionalInstanceOf(CaseId.class))
        .join();
  }
}
