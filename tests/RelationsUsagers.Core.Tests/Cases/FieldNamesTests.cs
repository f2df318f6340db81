using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>
/// Every field the audit journal can name has a French name, read from the EF Core model: a property added to a kind
/// without its name in the kind's list (ComplaintFieldNames...) fails here, before a journal shows "NewProperty : …".
/// </summary>
public sealed class FieldNamesTests
{
    public static TheoryData<CaseKind> Kinds => new(Enum.GetValues<CaseKind>());

    /// <summary>The portal's EF Core model (building it opens no database: none is needed).</summary>
    private static readonly IModel Model = BuildModel();

    private static IModel BuildModel()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        CoreServices.Configure(builder, "Data Source=:memory:", DatabaseProvider.Sqlite);
        using var db = new AppDbContext(builder.Options, new FixedCurrentUser("tests"), TimeProvider.System);
        return db.Model;
    }

    /// <summary>Property paths as the audit trail writes them: "ClosedOn", "Patient.BirthDate", "Items", "Items.Description".</summary>
    private static IEnumerable<string> AuditedPaths(CaseKind kind)
    {
        // Each kind's class, as its definition builds it: a new kind is checked as soon as it is registered.
        var entity = Model.GetEntityTypes().Single(e => e.ClrType == CaseKinds.Of(kind).New().GetType());
        var paths = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.Name).ToList();
        foreach (var complex in entity.GetComplexProperties())
        {
            if (complex.IsCollection)
                paths.Add(complex.Name);
            paths.AddRange(Flatten(complex.Name, complex.ComplexType));
        }
        return paths.Where(p => !AuditTrail.Bookkeeping.Contains(p.Split('.')[^1])).ToList();
    }

    private static IEnumerable<string> Flatten(string prefix, IComplexType type) =>
        type.GetProperties().Select(p => $"{prefix}.{p.Name}")
            .Concat(type.GetComplexProperties().SelectMany(c => Flatten($"{prefix}.{c.Name}", c.ComplexType)));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_audited_field_of_every_kind_has_a_french_name(CaseKind kind)
    {
        var paths = AuditedPaths(kind).ToList();

        Assert.Contains("ClosedOn", paths);
        Assert.Contains("Patient.BirthDate", paths);
        Assert.Equal([], paths.Where(p => FieldNames.Of(kind, p) is null));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_two_fields_of_a_kind_share_a_french_name(CaseKind kind)
    {
        var names = AuditedPaths(kind).Select(p => (Path: p, Name: FieldNames.Label(kind, p))).ToList();

        Assert.Empty(names.GroupBy(n => n.Name).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(n => n.Path))));
    }

    [Fact]
    public void A_kind_renames_a_shared_field_where_its_cases_call_it_otherwise()
    {
        Assert.Equal("Qualité", FieldNames.Of(CaseKind.Requisition, "Requester.Capacity"));
        Assert.Equal("Lien avec le patient", FieldNames.Of(CaseKind.Complaint, "Requester.Capacity"));
        Assert.Equal("Objet de la réclamation", FieldNames.Of(CaseKind.Complaint, "Summary"));
        Assert.Equal("Élément demandé", FieldNames.Of(CaseKind.Requisition, "Items[2].Description"));
        Assert.Null(FieldNames.Of(CaseKind.AccessRequest, "Items.Description"));
    }
}
