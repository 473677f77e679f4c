package com.capitalledger.api.documents;

import com.capitalledger.projections.fold.returns.ReturnsView;

import static com.capitalledger.api.documents.DocumentPdf.money;
import static com.capitalledger.api.documents.DocumentPdf.plain;

/**
 * The investors' documents as PDF: every figure of the JSON twin, amounts as 1,234,567.89, and the provenance the
 * document was checked against (the proofs themselves are in the JSON twin, too long to retype).
 */
public final class DocumentPdfs {

    public static final String APPLICATION_PDF = "application/pdf";

    private DocumentPdfs() {
    }

    public static byte[] statement(CapitalAccountStatement s) {
        DocumentPdf pdf = new DocumentPdf("Capital account statement");
        pdf.line("Program", s.programId()).line("Investor", s.investorId())
                .line("Period", s.from() + " to " + s.to()).line("As known at", s.knownAt().toString());
        pdf.heading("Capital account");
        pdf.line("Beginning NAV", money(s.beginningNav())).line("Contributions", money(s.contributions()))
                .line("Distributions", money(s.distributions()))
                .line("Net change in value", money(s.netChangeInValue())).line("Ending NAV", money(s.endingNav()))
                .line("Committed", money(s.committed())).line("Unfunded", money(s.unfunded()));
        ReturnsView.InvestorReturns r = s.returns();
        pdf.heading("Returns as of " + s.to());
        if (r == null) {
            pdf.text("None: the investor had no position on " + s.to() + ".");
        } else {
            pdf.line("Contributed", money(r.contributed())).line("Distributed", money(r.distributed()))
                    .line("NAV", money(r.nav())).line("NAV basis", r.navBasis().name())
                    .line("DPI", plain(r.dpi())).line("RVPI", plain(r.rvpi())).line("TVPI", plain(r.tvpi()))
                    .line("IRR (%)", plain(r.irrPct()));
        }
        return provenance(pdf, s.provenance(), "GET /api/v1/programs/" + s.programId() + "/investors/"
                + s.investorId() + "/capital-account?from=" + s.from() + "&to=" + s.to() + "&knownAt="
                + s.knownAt());
    }

    public static byte[] callNotice(CallNoticeView n) {
        DocumentPdf pdf = new DocumentPdf("Capital call notice");
        pdf.line("Program", n.programId()).line("Investor", n.investorId()).line("Call", n.callId())
                .line("Phase", n.phaseId()).line("Purpose", n.purpose() == null ? "" : n.purpose())
                .line("Effective date", n.effectiveDate().toString());
        pdf.heading("Amounts");
        pdf.line("Call amount", money(n.callAmount())).line("Your allocation", money(n.allocation()))
                .line("Allocation status", n.allocationStatus());
        pdf.heading("Your commitment after this call");
        pdf.line("Committed", money(n.committed())).line("Called to date", money(n.calledToDate()))
                .line("Unfunded", money(n.unfunded()));
        return provenance(pdf, n.provenance(), "GET /api/v1/programs/" + n.programId() + "/capital-calls/"
                + n.callId() + "/notices/" + n.investorId());
    }

    public static byte[] distributionNotice(DistributionNoticeView n) {
        DocumentPdf pdf = new DocumentPdf("Distribution notice");
        pdf.line("Program", n.programId()).line("Investor", n.investorId())
                .line("Payment date", n.paymentDate().toString()).line("Period ended", n.periodEnd().toString());
        pdf.heading("Amounts");
        pdf.line("Distribution", money(n.amount())).line("Your allocation", money(n.allocation()))
                .line("Your paid-in (share basis)", money(n.paidIn()))
                .line("Paid-in of the investors paid", money(n.basisPaidIn()))
                .line("Distributed to you to date", money(n.distributedToDate()));
        return provenance(pdf, n.provenance(), "GET /api/v1/programs/" + n.programId() + "/distributions/"
                + n.paymentDate() + "/notices/" + n.investorId());
    }

    private static byte[] provenance(DocumentPdf pdf, Provenance p, String jsonTwin) {
        pdf.heading("Provenance: the journal");
        pdf.text("Each event this document reports is the journal entry below (seq), checked before issue by its");
        pdf.text("inclusion proof against this signed digest.");
        for (Provenance.Entry entry : p.entries()) {
            pdf.line("seq " + entry.seq(), entry.event() + " " + entry.date());
        }
        pdf.line("Digest tree size", Long.toString(p.digest().treeSize()))
                .line("Digest issued at", p.digest().issuedAt())
                .line("Signature", p.digest().algorithm() + ", key id " + p.digest().keyId());
        pdf.token("Digest root hash", p.digest().rootHash());
        pdf.token("Signature (base64)", p.digest().signature());
        pdf.text("The leaf hashes and audit paths are in the JSON twin of this document:");
        pdf.token("", jsonTwin);
        pdf.text("with Accept: application/json.");
        return pdf.bytes();
    }
}
