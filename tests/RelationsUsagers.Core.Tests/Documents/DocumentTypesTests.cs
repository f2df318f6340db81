using System.IO.Compression;
using System.Text;
using RelationsUsagers.Core.Documents;

namespace RelationsUsagers.Core.Tests.Documents;

/// <summary>DocumentTypes: the name's extension and the content's signature must agree; zip types must be real packages.</summary>
public sealed class DocumentTypesTests
{
    private static byte[] Bytes(params int[] values) => values.Select(v => (byte)v).ToArray();

    [Theory]
    [InlineData("%PDF-1.7\n", "report.pdf", "application/pdf")]
    [InlineData("%PDF-1.7\n", "REPORT.PDF", "application/pdf")]
    [InlineData("%PDF-1.4\n", "scan-without-extension", null)]
    [InlineData("%PDF-1.7\n", "photo.jpg", null)]
    [InlineData("%PDF-1.7\n", "report.html", null)]
    [InlineData("%PDF-1.7\n", "image.svg", null)]
    [InlineData("%PDF-1.7\n", "script.js", null)]
    [InlineData("%PDF-1.7\n", "page.htm", null)]
    public void A_pdf_is_accepted_only_under_a_pdf_name(string head, string name, string? expected)
    {
        Assert.Equal(expected, DocumentTypes.Detect(Encoding.ASCII.GetBytes(head), name));
    }

    [Fact]
    public void Images_are_recognised_by_their_signatures_under_their_own_extensions()
    {
        Assert.Equal("image/png", DocumentTypes.Detect(Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0), "scan.png"));
        Assert.Equal("image/jpeg", DocumentTypes.Detect(Bytes(0xFF, 0xD8, 0xFF, 0xE0), "photo.jpeg"));
        Assert.Equal("image/jpeg", DocumentTypes.Detect(Bytes(0xFF, 0xD8, 0xFF, 0xE0), "photo.jpg"));
        Assert.Equal("image/tiff", DocumentTypes.Detect("II*\0"u8, "fax.tif"));
        Assert.Equal("image/tiff", DocumentTypes.Detect("MM\0*"u8, "fax.tiff"));
        Assert.Null(DocumentTypes.Detect(Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0), "scan.jpg"));
        Assert.Null(DocumentTypes.Detect(Bytes(0xFF, 0xD8, 0xFF, 0xE0), "photo.png"));
        Assert.Null(DocumentTypes.Detect(Bytes(0xFF, 0xD8, 0xFF, 0xE0), "photo.svg"));
    }

    [Theory]
    [InlineData("x.docx", DocumentTypes.Docx)]
    [InlineData("COURRIER.DOCX", DocumentTypes.Docx)]
    [InlineData("x.odt", DocumentTypes.Odt)]
    [InlineData("x.zip", null)]
    [InlineData("x.xlsx", null)]
    [InlineData("x.pdf", null)]
    public void A_zip_signature_is_accepted_only_as_a_docx_or_odt(string name, string? expected)
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

    [Fact]
    public void A_real_docx_and_odt_are_whole_packages_and_a_bare_zip_is_not()
    {
        using var docx = new MemoryStream(Packages.Docx());
        using var odt = new MemoryStream(Packages.Odt());
        using var zip = new MemoryStream(Packages.Zip(("notes.txt", "bonjour")));
        using var odtAsDocx = new MemoryStream(Packages.Odt());
        using var notAZip = new MemoryStream("PK\u0003\u0004 tronqué"u8.ToArray());

        Assert.True(DocumentTypes.IsWholePackage(docx, DocumentTypes.Docx));
        Assert.True(DocumentTypes.IsWholePackage(odt, DocumentTypes.Odt));
        Assert.False(DocumentTypes.IsWholePackage(zip, DocumentTypes.Docx));
        Assert.False(DocumentTypes.IsWholePackage(odtAsDocx, DocumentTypes.Docx));
        Assert.False(DocumentTypes.IsWholePackage(notAZip, DocumentTypes.Odt));
    }

    [Theory]
    [InlineData("rapport\u202Efdp.exe", "rapportfdp.exe")]
    [InlineData("Lef\u00ADèvre\u200B courrier.pdf", "Lefèvre courrier.pdf")]
    [InlineData("\u200Fcourrier\u0007.pdf\u0000", "courrier.pdf")]
    [InlineData(@"..\..\wwwroot\courrier.pdf", "courrier.pdf")]
    [InlineData("compte rendu n°2 – Ménard.pdf", "compte rendu n°2 – Ménard.pdf")]
    public void A_stored_name_loses_its_control_and_format_characters_and_any_path(string uploaded, string kept)
    {
        Assert.Equal(kept, DocumentTypes.CleanName(uploaded));
    }
}

/// <summary>Word-processing packages built in memory, as Word and LibreOffice write their minimal parts.</summary>
internal static class Packages
{
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("word/document.xml", """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"""));

    public static byte[] Odt() => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open());
                writer.Write(text);
            }
        return buffer.ToArray();
    }
}
