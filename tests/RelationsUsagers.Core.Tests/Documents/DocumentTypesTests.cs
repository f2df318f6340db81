using System.Text;
using RelationsUsagers.Core.Documents;

namespace RelationsUsagers.Core.Tests.Documents;

/// <summary>DocumentTypes.Detect: the type comes from the first bytes, the name only tells zip and OLE packages apart.</summary>
public sealed class DocumentTypesTests
{
    private static byte[] Bytes(params int[] values) => values.Select(v => (byte)v).ToArray();

    [Theory]
    [InlineData("%PDF-1.7\n", "report.pdf", "application/pdf")]
    [InlineData("%PDF-1.4\n", "scan-without-extension", "application/pdf")]
    [InlineData("%PDF-1.7\n", "photo.jpg", "application/pdf")]
    public void A_pdf_is_recognised_by_its_header_whatever_its_name(string head, string name, string expected)
    {
        Assert.Equal(expected, DocumentTypes.Detect(Encoding.ASCII.GetBytes(head), name));
    }

    [Fact]
    public void Images_are_recognised_by_their_signatures()
    {
        Assert.Equal("image/png", DocumentTypes.Detect(Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0), "scan.png"));
        Assert.Equal("image/jpeg", DocumentTypes.Detect(Bytes(0xFF, 0xD8, 0xFF, 0xE0), "photo.jpeg"));
        Assert.Equal("image/tiff", DocumentTypes.Detect("II*\0"u8, "fax.tif"));
        Assert.Equal("image/tiff", DocumentTypes.Detect("MM\0*"u8, "fax.tiff"));
    }

    [Theory]
    [InlineData("x.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("COURRIER.DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("x.odt", "application/vnd.oasis.opendocument.text")]
    [InlineData("x.zip", null)]
    [InlineData("x.xlsx", null)]
    [InlineData("x.pdf", null)]
    public void A_zip_package_is_accepted_only_as_a_docx_or_odt(string name, string? expected)
    {
        Assert.Equal(expected, DocumentTypes.Detect("PK\u0003\u0004\u0014\0"u8, name));
    }

    [Theory]
    [InlineData("ancien.doc", "application/msword")]
    [InlineData("classeur.xls", null)]
    public void An_OLE_compound_file_is_accepted_only_as_a_doc(string name, string? expected)
    {
        Assert.Equal(expected, DocumentTypes.Detect(Bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0), name));
    }

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("x.docx")]
    [InlineData("photo.jpg")]
    public void An_executable_is_refused_whatever_its_name(string name)
    {
        Assert.Null(DocumentTypes.Detect("MZ\u0090\0\u0003\0"u8, name));
    }

    [Fact]
    public void A_header_shorter_than_a_signature_is_refused()
    {
        Assert.Null(DocumentTypes.Detect("%PD"u8, "court.pdf"));
        Assert.Null(DocumentTypes.Detect([], "vide.pdf"));
    }

    [Fact]
    public void Plain_text_and_html_are_refused()
    {
        Assert.Null(DocumentTypes.Detect("<html><script>"u8, "page.pdf"));
        Assert.Null(DocumentTypes.Detect("Bonjour"u8, "lettre.txt"));
    }
}
