// One line of `lanes doctor`: what was checked, how it went, and what to do when it did not go well.

export type DoctorStatus = "ok" | "warn" | "fail";

export interface DoctorCheck {
  name: string;
  status: DoctorStatus;
  detail: string;
}
