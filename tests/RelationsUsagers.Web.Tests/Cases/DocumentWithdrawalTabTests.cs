using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>The documents tab: a manager withdraws a document with a reason; it leaves the list and shows struck through on demand.</summary>
public sealed class DocumentWithdrawalTabTests : PortalTestContext
{
    private const string Manager = "manager";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");

    public DocumentWithdrawalTabTests() => SignIn(Manager, Roles.Manager);

    [Fact]
    public async Task A_manager_withdraws_a_document_with_a_reason_and_sees_it_struck_through_among_the_withdrawn()
    {
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        var documents = Services.GetRequiredService<CaseDocumentService>();
        await documents.UploadAsync(file.Id, "cni-autre-patient.pdf", new MemoryStream(Pdf), Pdf.Length, null, Ct);
        var tab = Render<DocumentsTab>(p => p.Add(t => t.CaseId, file.Id));

        tab.WaitForElement("button[aria-label='Retirer le document cni-autre-patient.pdf']").Click();
        tab.Find("#withdraw-confirm").Click();
        tab.WaitForAssertion(() => Assert.Contains("Le motif du retrait est obligatoire.", tab.Find("#withdraw-panel").TextContent, StringComparison.Ordinal));
        tab.Find("#withdraw-reason").Change("Pièce d'un autre patient");
        tab.Find("#withdraw-confirm").Click();

        tab.WaitForAssertion(() => Assert.Contains("Aucun document pour ce dossier.", tab.Markup, StringComparison.Ordinal));
        tab.Find("#show-withdrawn").Change(true);
        var row = tab.WaitForElement("tr.document-withdrawn");
        Assert.Equal("cni-autre-patient.pdf", row.QuerySelector("del")!.TextContent);
        Assert.Contains($"par {Manager} ; motif : Pièce d'un autre patient", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_has_no_withdraw_button_nor_the_withdrawn_switch()
    {
        SignIn(UserName, Roles.Officer);
        var file = await CreateCaseAsync(Drafts.AccessRequest());
        await Services.GetRequiredService<CaseDocumentService>().UploadAsync(file.Id, "courrier.pdf", new MemoryStream(Pdf), Pdf.Length, null, Ct);

        var tab = Render<DocumentsTab>(p => p.Add(t => t.CaseId, file.Id));

        tab.WaitForAssertion(() => Assert.Contains("courrier.pdf", tab.Markup, StringComparison.Ordinal));
        Assert.Empty(tab.FindAll("button[aria-label^='Retirer']"));
        Assert.Empty(tab.FindAll("#show-withdrawn"));
    }
}
