package com.kineticcasebook.casework;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Condition;
import com.kineticcasebook.reference.ConditionCatalogue;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The built-in reference data, the same for every clinic and every authenticated user. */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceDataController {

  /** A value of a fixed list with its human label. */
  record Coded(String code, String label) {}

  record Instrument(String instrument, String label, int min, int max, int mcid, boolean higherIsBetter,
      boolean integerScores) {}

  @GetMapping("/body-regions")
  List<Coded> bodyRegions() {
    return coded(BodyRegion.values(), BodyRegion::label);
  }

  @GetMapping("/sides")
  List<Coded> sides() {
    return coded(Side.values(), Side::label);
  }

  @GetMapping("/conditions")
  List<Condition> conditions() {
    return ConditionCatalogue.all();
  }

  @GetMapping("/treatment-modalities")
  List<Coded> treatmentModalities() {
    return coded(TreatmentModality.values(), TreatmentModality::label);
  }

  @GetMapping("/outcome-instruments")
  List<Instrument> outcomeInstruments() {
    return Arrays.stream(OutcomeInstrument.values())
        .map(i -> new Instrument(i.name(), i.label(), i.min(), i.max(), i.mcid(), i.higherIsBetter(),
            i.integerScores()))
        .toList();
  }

  @GetMapping("/gait-views")
  List<Coded> gaitViews() {
    return coded(GaitView.values(), GaitView::label);
  }

  @GetMapping("/running-surfaces")
  List<Coded> runningSurfaces() {
    return coded(RunningSurface.values(), RunningSurface::label);
  }

  private static <E extends Enum<E>> List<Coded> coded(E[] values, Function<E, String> label) {
    return Arrays.stream(values).map(value -> new Coded(value.name(), label.apply(value))).toList();
  }
}
