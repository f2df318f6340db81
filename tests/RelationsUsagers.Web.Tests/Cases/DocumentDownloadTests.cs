using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>The download endpoint's answer, executed on a bare HTTP context: a named attachment the browser may not sniff.</summary>
public sealed class DocumentDownloadTests
{
    [Fact]
    public async Task A_document_is_sent_as_an_attachment_with_its_utf8_name_and_nosniff()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        var document = new CaseDocument { FileName = "compte rendu Ménard.pdf", ContentType = "application/pdf" };

        var result = DocumentEndpoints.Download(http.Response, document, new MemoryStream("%PDF-1.7"u8.ToArray()));
        await result.ExecuteAsync(http);

        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("application/pdf", http.Response.ContentType);
        Assert.Equal("attachment; filename=\"compte rendu M_nard.pdf\"; filename*=UTF-8''compte%20rendu%20M%C3%A9nard.pdf",
            http.Response.Headers.ContentDisposition.ToString());
    }
}
