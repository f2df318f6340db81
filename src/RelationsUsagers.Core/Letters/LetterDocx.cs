using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace RelationsUsagers.Core.Letters;

/// <summary>
/// The Word side of letters: builds a letter's default template (each field a content control tagged with its code and
/// titled with its French name, which Word shows and keeps when the office edits the text), fills a template with a
/// case's values, reads a document's fields and text back, and checks an uploaded template.
/// </summary>
public static class LetterDocx
{
    /// <summary>Indent of the recipient's block, as window envelopes expect it (about 9.5 cm).</summary>
    private const string RecipientIndent = "5400";

    public static byte[] BuildDefault(LetterDefinition letter)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            // A justified line that ends with a line break (a list after « suivants : ») is not stretched across the page.
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new Compatibility(new DoNotExpandShiftReturn()));
            settings.Settings.Save();
            var body = new Body();
            var lines = LetterText.Letterhead.Split('\n');
            foreach (var line in lines)
            {
                var recipient = line.Contains("{recipient-", StringComparison.Ordinal);
                var paragraph = Paragraph(line, bold: line == "{hospital}", spacingAfter: line.Contains("{service-phone}") ? "360" : "0");
                if (recipient)
                    paragraph.ParagraphProperties!.Indentation = new Indentation { Left = RecipientIndent };
                if (line == "{place-and-date}")
                    paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "480", After = "120" };
                body.Append(paragraph);
            }
            body.Append(Paragraph("Objet : " + letter.Subject, bold: true, spacingAfter: "240"));
            body.Append(Paragraph("{salutation}", spacingAfter: "240"));
            foreach (var text in letter.Body)
                body.Append(Paragraph(text, spacingAfter: "200", justify: true));
            body.Append(Paragraph(LetterText.Courtesy, spacingAfter: "480", justify: true));
            foreach (var line in LetterText.Closing.Split('\n'))
            {
                var paragraph = Paragraph(line);
                paragraph.ParagraphProperties!.Indentation = new Indentation { Left = RecipientIndent };
                body.Append(paragraph);
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1247, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Fills every field of <paramref name="template"/> with its value and removes the controls (the letter is plain text).
    /// A paragraph holding a field without value is left out; <paramref name="logo"/> goes above the letterhead.
    /// </summary>
    public static byte[] Fill(byte[] template, IReadOnlyDictionary<string, string?> values, byte[]? logo = null, string? logoContentType = null) =>
        FillMany(template, [values], logo, logoContentType);

    /// <summary>
    /// One document holding the letter once per set of values (a convocation per member), each starting on a new page: the
    /// template's body is repeated and filled for each; headers and footers take the first set's values.
    /// </summary>
    public static byte[] FillMany(byte[] template, IReadOnlyList<IReadOnlyDictionary<string, string?>> letters, byte[]? logo = null,
        string? logoContentType = null)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var main = doc.MainDocumentPart ?? throw new InvalidDataException("Document Word sans corps.");
            var body = main.Document?.Body ?? throw new InvalidDataException("Document Word sans corps.");
            var section = body.Elements<SectionProperties>().LastOrDefault();
            section?.Remove();
            var original = body.ChildElements.Select(e => e.CloneNode(true)).ToList();
            body.RemoveAllChildren();
            string? logoId = null;
            if (logo is { Length: > 0 })
            {
                var part = main.AddImagePart(logoContentType == "image/jpeg" ? ImagePartType.Jpeg : ImagePartType.Png);
                using var data = new MemoryStream(logo, writable: false);
                part.FeedData(data);
                logoId = main.GetIdOfPart(part);
            }
            for (var i = 0; i < letters.Count; i++)
            {
                if (i > 0)
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                if (logoId is not null)
                    body.Append(LogoParagraph(logoId, LogoSize(logo!), (uint)(i + 1)));
                var block = new Body(original.Select(e => e.CloneNode(true)));
                FillFields(block, letters[i]);
                foreach (var element in block.ChildElements.ToList())
                {
                    element.Remove();
                    body.Append(element);
                }
            }
            if (section is not null)
                body.Append(section);
            foreach (var root in Roots(main).Where(r => r is not Body))
                FillFields(root, letters.Count > 0 ? letters[0] : new Dictionary<string, string?>());
            main.Document!.Save();
        }
        return stream.ToArray();
    }

    private static void FillFields(OpenXmlElement root, IReadOnlyDictionary<string, string?> values)
    {
        foreach (var sdt in root.Descendants<SdtElement>().Reverse().ToList())
        {
            var code = TagOf(sdt);
            if (code is null)
                continue;
            var value = values.GetValueOrDefault(code);
            if (string.IsNullOrWhiteSpace(value))
            {
                // The paragraph the empty field stood in goes too (an address line, « pli confidentiel »...).
                var paragraph = sdt.Ancestors<Paragraph>().FirstOrDefault();
                if (paragraph?.Parent is not null)
                    paragraph.Remove();
                else
                    sdt.Remove();
                continue;
            }
            Replace(sdt, value);
        }
    }

    /// <summary>The field codes of a document's content controls (body, headers, footers).</summary>
    public static IReadOnlyList<string> Tags(byte[] document)
    {
        using var stream = new MemoryStream(document, writable: false);
        using var doc = WordprocessingDocument.Open(stream, false);
        var main = doc.MainDocumentPart ?? throw new InvalidDataException("Document Word sans corps.");
        return Roots(main).SelectMany(r => r.Descendants<SdtElement>()).Select(TagOf).OfType<string>().Distinct().ToList();
    }

    /// <summary>The document's text, one line per paragraph (a field shows its current content).</summary>
    public static IReadOnlyList<string> Paragraphs(byte[] document)
    {
        using var stream = new MemoryStream(document, writable: false);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart?.Document.Body ?? throw new InvalidDataException("Document Word sans corps.");
        return body.Descendants<Paragraph>().Select(TextOf).ToList();
    }

    /// <summary>
    /// What is wrong with a template the office uploads for <paramref name="letter"/>, in French: not a Word document, a
    /// field the portal does not know or this letter does not fill, a required field or mention gone. Empty when it is fine.
    /// </summary>
    public static IReadOnlyList<string> Check(LetterDefinition letter, byte[] upload)
    {
        IReadOnlyList<string> tags;
        string text;
        try
        {
            tags = Tags(upload);
            text = Normalise(string.Join("\n", Paragraphs(upload)));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException)
        {
            return ["Ce fichier n'est pas un document Word (.docx) lisible."];
        }
        var problems = new List<string>();
        var known = LetterCatalog.KnownFields(letter);
        foreach (var tag in tags.Where(t => !known.Contains(t)))
            problems.Add(LetterFields.Find(tag) is { } field
                ? $"Le champ « {field.Label} » ({tag}) n'est pas rempli par ce courrier."
                : $"Champ inconnu : « {tag} ».");
        foreach (var field in letter.Required.Where(f => !tags.Contains(f.Code)))
            problems.Add($"Champ obligatoire absent : « {field.Label} » ({field.Code}).");
        foreach (var mention in letter.Mentions.Where(m => !text.Contains(Normalise(m.Text), StringComparison.OrdinalIgnoreCase)))
            problems.Add($"Mention obligatoire absente : {mention.Name} (« {mention.Text} », {mention.Source}).");
        return problems;
    }

    /// <summary>Spaces of every kind as one space, typographic apostrophes as plain ones: Word changes both as one types.</summary>
    public static string Normalise(string text)
    {
        var chars = text.Select(c => c switch { '\u00A0' or '\u202F' or '\t' or '\n' or '\r' => ' ', '\u2019' => '\'', _ => c }).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static IEnumerable<OpenXmlElement> Roots(MainDocumentPart main) =>
        new OpenXmlElement?[] { main.Document?.Body }
            .Concat(main.HeaderParts.Select(h => (OpenXmlElement?)h.Header))
            .Concat(main.FooterParts.Select(f => (OpenXmlElement?)f.Footer))
            .OfType<OpenXmlElement>();

    private static string? TagOf(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;

    private static string TextOf(Paragraph p) => string.Concat(p.Descendants().Select(e => e switch
    {
        Text t => t.Text,
        Break or TabChar => e is TabChar ? "\t" : "\n",
        _ => "",
    }));

    /// <summary>Puts the value in place of the control, in the control's first run's formatting, one line per line.</summary>
    private static void Replace(SdtElement sdt, string value)
    {
        var format = sdt.Descendants<Run>().FirstOrDefault()?.RunProperties?.CloneNode(true) as RunProperties;
        var lines = value.Replace("\r\n", "\n").Split('\n');
        if (sdt is SdtBlock block)
        {
            // A block control holds paragraphs: one paragraph per line, in the first paragraph's layout.
            var layout = block.Descendants<Paragraph>().FirstOrDefault()?.ParagraphProperties?.CloneNode(true) as ParagraphProperties;
            var paragraphs = lines.Select(line => new Paragraph(
                layout?.CloneNode(true) ?? new ParagraphProperties(), Run(line, format))).ToList();
            foreach (var p in paragraphs)
                block.InsertBeforeSelf(p);
            block.Remove();
            return;
        }
        var runs = new List<OpenXmlElement>();
        for (var i = 0; i < lines.Length; i++)
        {
            var run = Run(lines[i], format);
            if (i > 0)
                run.PrependChild(new Break());
            runs.Add(run);
        }
        foreach (var run in runs)
            sdt.InsertBeforeSelf(run);
        sdt.Remove();
    }

    private static Run Run(string text, RunProperties? format)
    {
        var run = new Run();
        if (format is not null)
            run.Append(format.CloneNode(true));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Paragraph Paragraph(string text, bool bold = false, string spacingAfter = "0", bool justify = false)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = spacingAfter, Line = "264", LineRule = LineSpacingRuleValues.Auto });
        if (justify)
            properties.Append(new Justification { Val = JustificationValues.Both });
        var paragraph = new Paragraph(properties);
        foreach (var (literal, code) in LetterText.Parts(text))
        {
            RunProperties? format = bold ? new RunProperties(new Bold()) : null;
            if (literal is not null)
            {
                // A line break inside a paragraph (a list that follows « suivants : »).
                var lines = literal.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    var run = Run(lines[i], format);
                    if (i > 0)
                        run.PrependChild(new Break());
                    paragraph.Append(run);
                }
                continue;
            }
            var field = LetterFields.Find(code!) ?? throw new InvalidOperationException($"Champ inconnu « {code} ».");
            paragraph.Append(new SdtRun(
                new SdtProperties(new SdtAlias { Val = field.Label }, new Tag { Val = field.Code }),
                new SdtContentRun(Run($"«{field.Label}»", format))));
        }
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "21" }, new Languages { Val = "fr-FR" })),
                new ParagraphPropertiesDefault()),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    /// <summary>The logo, 4 cm wide at most, in its own paragraph.</summary>
    private static Paragraph LogoParagraph(string imageId, (int Width, int Height) size, uint drawingId)
    {
        const long maxWidth = 1440000; // 4 cm in EMU
        var cx = maxWidth;
        var cy = size.Width > 0 ? maxWidth * size.Height / size.Width : maxWidth / 2;
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = drawingId, Name = $"Logo {drawingId}" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "logo" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = imageId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "120" }), new Run(new Drawing(inline)));
    }

    /// <summary>Pixel size read from the PNG or JPEG header (no image library needed for an aspect ratio).</summary>
    internal static (int Width, int Height) LogoSize(byte[] image)
    {
        if (image.Length > 24 && image[0] == 0x89 && image[1] == 0x50)
            return (ReadBigEndian(image, 16), ReadBigEndian(image, 20));
        for (var i = 2; i + 9 < image.Length;)
        {
            if (image[i] != 0xFF)
                break;
            var marker = image[i + 1];
            var length = (image[i + 2] << 8) | image[i + 3];
            if (marker is >= 0xC0 and <= 0xC3)
                return ((image[i + 7] << 8) | image[i + 8], (image[i + 5] << 8) | image[i + 6]);
            i += 2 + length;
        }
        return (0, 0);
    }

    private static int ReadBigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
