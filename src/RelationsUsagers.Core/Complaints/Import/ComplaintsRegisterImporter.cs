using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Imports;

namespace RelationsUsagers.Core.Complaints.Import;

/// <summary>
/// Takes in the complaints register an office kept by hand in Excel (<see cref="ComplaintsRegister"/>): one complaint per
/// line, with its history, through the shared import (<see cref="RegisterImporter{TField, TEntry}"/>).
/// </summary>
public sealed class ComplaintsRegisterImporter(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ImportLimits? limits = null)
    : RegisterImporter<ComplaintRegisterField, ComplaintRegisterEntry>(ComplaintsRegister.Instance, dbFactory, time, limits);
