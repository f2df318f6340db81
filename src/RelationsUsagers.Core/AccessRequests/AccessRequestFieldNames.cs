namespace RelationsUsagers.Core.AccessRequests;

/// <summary>The French name of each field of a record-access request (see <see cref="Cases.CaseFileFieldNames"/>).</summary>
public static class AccessRequestFieldNames
{
    public const string RequesterCapacity = "Qualité du demandeur";
    public const string ProofsReceived = "Pièces reçues";
    public const string CompletedOn = "Date de complétude";
    public const string DeceasedMotive = "Motif de l'ayant droit";
    public const string ObjectionBeforeDeath = "Opposition du patient de son vivant";
    public const string MinorObjection = "Opposition du mineur";
    public const string ProtectedAdultConsent = "Consentement exprès du majeur protégé";
    public const string PsychiatricDoctorRequired = "Présence d'un médecin exigée";
    public const string CdspReferredOn = "Date de saisine de la CDSP";
    public const string InformationOlderThanFiveYears = "Informations de plus de cinq ans";
    public const string MostRecentInformationOn = "Date de l'information la plus récente demandée";
    public const string InformationAgeOverride = "Ancienneté retenue par le service";
    public const string InformationAgeOverrideReason = "Motif de l'ancienneté retenue";
    public const string OnSiteOfferedOn = "Date de la proposition de consultation sur place";
    public const string CadaReferredOn = "Date de saisine de la CADA";
    public const string CadaOpinionOn = "Date de l'avis de la CADA";
    public const string PeriodRequested = "Période ou séjours concernés";
    public const string CommunicationMode = "Mode de communication";
    public const string DesignatedDoctor = "Médecin désigné";
    public const string PageCount = "Nombre de pages";
    public const string Medium = "Support";
    public const string ReproductionFeeCents = "Frais de reproduction";
    public const string PostageFeeCents = "Frais d'envoi";
    public const string PaidOn = "Date de paiement";
    public const string SentOn = "Date d'envoi";
    public const string RecordedDeliveryNumber = "N° de recommandé (LRAR)";
    public const string DeliveryAcknowledgedOn = "Date de l'accusé de réception";
    public const string RefusalReason = "Motif du refus";
    public const string Remarks = "Observations";

    public static IReadOnlyDictionary<string, string> ByProperty { get; } = new Dictionary<string, string>
    {
        [nameof(AccessRequest.RequesterCapacity)] = RequesterCapacity,
        [nameof(AccessRequest.ProofsReceived)] = ProofsReceived,
        [nameof(AccessRequest.CompletedOn)] = CompletedOn,
        [nameof(AccessRequest.DeceasedMotive)] = DeceasedMotive,
        [nameof(AccessRequest.ObjectionBeforeDeath)] = ObjectionBeforeDeath,
        [nameof(AccessRequest.MinorObjection)] = MinorObjection,
        [nameof(AccessRequest.ProtectedAdultConsent)] = ProtectedAdultConsent,
        [nameof(AccessRequest.PsychiatricDoctorRequired)] = PsychiatricDoctorRequired,
        [nameof(AccessRequest.CdspReferredOn)] = CdspReferredOn,
        [nameof(AccessRequest.InformationOlderThanFiveYears)] = InformationOlderThanFiveYears,
        [nameof(AccessRequest.MostRecentInformationOn)] = MostRecentInformationOn,
        [nameof(AccessRequest.InformationAgeOverride)] = InformationAgeOverride,
        [nameof(AccessRequest.InformationAgeOverrideReason)] = InformationAgeOverrideReason,
        [nameof(AccessRequest.OnSiteOfferedOn)] = OnSiteOfferedOn,
        [nameof(AccessRequest.CadaReferredOn)] = CadaReferredOn,
        [nameof(AccessRequest.CadaOpinionOn)] = CadaOpinionOn,
        [nameof(AccessRequest.PeriodRequested)] = PeriodRequested,
        [nameof(AccessRequest.CommunicationMode)] = CommunicationMode,
        [nameof(AccessRequest.DesignatedDoctor)] = DesignatedDoctor,
        [nameof(AccessRequest.PageCount)] = PageCount,
        [nameof(AccessRequest.Medium)] = Medium,
        [nameof(AccessRequest.ReproductionFeeCents)] = ReproductionFeeCents,
        [nameof(AccessRequest.PostageFeeCents)] = PostageFeeCents,
        [nameof(AccessRequest.PaidOn)] = PaidOn,
        [nameof(AccessRequest.SentOn)] = SentOn,
        [nameof(AccessRequest.RecordedDeliveryNumber)] = RecordedDeliveryNumber,
        [nameof(AccessRequest.DeliveryAcknowledgedOn)] = DeliveryAcknowledgedOn,
        [nameof(AccessRequest.RefusalReason)] = RefusalReason,
        [nameof(AccessRequest.Remarks)] = Remarks,
    };

    /// <summary>The French label of a value of one of this kind's lists, or null if it is not one.</summary>
    public static string? ValueLabel(object value) => value switch
    {
        RequesterCapacity v => v.Label(),
        ProofKind v => v.Label(),
        DeceasedAccessMotive v => v.Label(),
        CommunicationMode v => v.Label(),
        _ => null,
    };
}
