using FluentValidation;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.AccessRequests;

/// <summary>CSP L.1111-7, R.1111-1 to R.1111-8.</summary>
public sealed class AccessRequestValidator : CaseFileValidator<AccessRequest>
{
    public AccessRequestValidator(TimeProvider clock, CopyFeeSchedule? fees = null) : base(clock)
    {
        var schedule = fees ?? CopyFeeSchedule.Default;
        RuleFor(r => r.RequesterCapacity).IsInEnum().WithMessage("La qualité du demandeur est obligatoire.");
        // L.1110-4 V, R.1111-7: an heir must state one of the three motives.
        RuleFor(r => r.DeceasedMotive)
            .NotNull().When(r => r.RequesterCapacity == RequesterCapacity.HeirOrPartner)
            .WithMessage("Le motif de l'ayant droit est obligatoire (causes du décès, mémoire du défunt ou droits).");
        RuleFor(r => r.Patient.DeathDate)
            .NotNull().When(r => r.RequesterCapacity == RequesterCapacity.HeirOrPartner)
            .WithMessage("La date de décès du patient est obligatoire pour une demande d'ayant droit.")
            .OverridePropertyName("Patient.DeathDate");
        // R.1111-5: CDSP referral when the patient refuses a doctor's presence.
        RuleFor(r => r.CdspReferredOn)
            .NotNull().When(r => r.PsychiatricDoctorRequired && r.Status != CaseStatus.Received)
            .WithMessage("La date de saisine de la CDSP est obligatoire lorsque la présence d'un médecin est exigée.");
        RuleFor(r => r.DesignatedDoctor)
            .NotEmpty().When(r => r.CommunicationMode == CommunicationMode.ViaDesignatedDoctor)
            .WithMessage("Le nom du médecin désigné est obligatoire pour une communication par son intermédiaire.");
        RuleFor(r => r.RecordedDeliveryNumber)
            .NotEmpty().When(r => r.CommunicationMode == CommunicationMode.RecordedDelivery && r.SentOn is not null)
            .WithMessage("Le numéro de recommandé est obligatoire pour un envoi en recommandé avec AR.");
        RuleFor(r => r.PageCount)
            .GreaterThanOrEqualTo(0).When(r => r.PageCount is not null).WithMessage("Le nombre de pages ne peut pas être négatif.");
        // L.1111-7 last paragraph: on-site consultation is free.
        RuleFor(r => r.ReproductionFeeCents)
            .Must(f => f is null or 0).When(r => r.CommunicationMode == CommunicationMode.OnSite)
            .WithMessage("La consultation sur place est gratuite : aucuns frais de reproduction.")
            .GreaterThanOrEqualTo(0).WithMessage("Les frais de reproduction ne peuvent pas être négatifs.");
        // L.1111-7 last paragraph: no more than the cost of reproduction, which needs the number of pages to be known. Only
        // while the request is worked on: a closed one (a hand-kept file's history) is not reopened for it.
        RuleFor(r => r.PageCount)
            .NotNull().When(r => r.IsOpen && r.ReproductionFeeCents > 0 && r.CommunicationMode != CommunicationMode.OnSite)
            .WithMessage("Indiquez le nombre de pages : les frais de reproduction ne peuvent dépasser le coût des copies.");
        RuleFor(r => r.ReproductionFeeCents)
            .Must((r, fee) => fee is null || schedule.MaxReproductionCents(r) is not { } max || fee <= max)
            .When(r => r.CommunicationMode != CommunicationMode.OnSite)
            .WithMessage(r => $"Les frais de reproduction dépassent le coût des copies ({Euros(schedule.MaxReproductionCents(r)!.Value)} au plus pour {r.PageCount} page{(r.PageCount > 1 ? "s" : "")}{(CopyFeeSchedule.IsDisc(r.Medium) ? " et un disque" : "")}).");
        RuleFor(r => r.PostageFeeCents)
            .Must(f => f is null or 0).When(r => r.CommunicationMode == CommunicationMode.OnSite)
            .WithMessage("La consultation sur place est gratuite : aucuns frais d'envoi.")
            .GreaterThanOrEqualTo(0).WithMessage("Les frais d'envoi ne peuvent pas être négatifs.");
        RuleFor(r => r.RefusalReason)
            .NotEmpty().When(r => r.Status == CaseStatus.Refused)
            .WithMessage("Un refus doit être motivé (art. R.1111-7 du CSP).");
        // R.1111-1 al.4: the age of the information is computed from its date; the officer's other reading needs a reason.
        RuleFor(r => r.MostRecentInformationOn)
            .Must(d => d is null || d <= Today()).WithMessage(Future(AccessRequestFieldNames.MostRecentInformationOn));
        RuleFor(r => r.InformationAgeOverrideReason)
            .NotEmpty().When(r => r.InformationAgeOverride is not null)
            .WithMessage("Indiquez pourquoi l'ancienneté retenue diffère du calcul par la date des informations (périodes mixtes…).")
            .MaximumLength(1000).WithMessage("Le motif de l'ancienneté retenue ne doit pas dépasser 1 000 caractères.");
        RuleFor(r => r.CadaOpinionOn)
            .Must((r, d) => d is null || r.CadaReferredOn is null || d >= r.CadaReferredOn)
            .WithMessage("La date de l'avis de la CADA ne peut pas précéder la date de sa saisine.");
        FactDate(r => r.CompletedOn, AccessRequestFieldNames.CompletedOn);
        FactDate(r => r.OnSiteOfferedOn, AccessRequestFieldNames.OnSiteOfferedOn);
        FactDate(r => r.CadaReferredOn, AccessRequestFieldNames.CadaReferredOn);
        FactDate(r => r.CadaOpinionOn, AccessRequestFieldNames.CadaOpinionOn);
        FactDate(r => r.SentOn, AccessRequestFieldNames.SentOn);
        FactDate(r => r.PaidOn, AccessRequestFieldNames.PaidOn);
        FactDate(r => r.DeliveryAcknowledgedOn, AccessRequestFieldNames.DeliveryAcknowledgedOn);
        FactDate(r => r.CdspReferredOn, AccessRequestFieldNames.CdspReferredOn);
    }

    /// <summary>"7,20 €", whatever the server's culture.</summary>
    private static string Euros(long cents) =>
        (cents / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " €";
}
