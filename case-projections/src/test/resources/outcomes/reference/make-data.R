# Makes the reference data set for the outcome statistics: 260 secondaries with integer-day
# follow-up (ties on purpose), three primary-treatment modalities and three clinicians.
# Run once: Rscript make-data.R > data.csv
set.seed(20261202)
n <- 260
modality <- sample(c("EDUCATION_AND_LOAD_MANAGEMENT", "EXERCISE_THERAPY", "SHOCKWAVE"), n, replace = TRUE,
                   prob = c(0.35, 0.45, 0.20))
clinician <- sample(c("c1", "c2", "c3"), n, replace = TRUE)
rate <- c(EDUCATION_AND_LOAD_MANAGEMENT = 1 / 70, EXERCISE_THERAPY = 1 / 45, SHOCKWAVE = 1 / 55)[modality]
clear <- ceiling(rexp(n, rate))
censor <- sample(5:240, n, replace = TRUE)
km_time <- pmin(clear, censor)
km_status <- as.integer(clear <= censor)
# Competing outcomes: some secondaries got a treatment of their own, sometimes before tP (time 0).
own <- ifelse(runif(n) < 0.3, pmax(0, round(rnorm(n, 20, 25))), NA)
cr_time <- km_time
cr_status <- km_status
has_own <- !is.na(own) & own <= km_time
cr_time[has_own] <- own[has_own]
cr_status[has_own] <- 2L
write.csv(data.frame(km_time, km_status, cr_time, cr_status, modality, clinician), stdout(), row.names = FALSE,
          quote = FALSE)
