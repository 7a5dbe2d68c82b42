// Dates are shown in Beijing time everywhere; the helpers live with the model so the pure core can use them.
export { formatDate, formatDateTime, formatTime } from "@/lib/report-model/beijing-time";
