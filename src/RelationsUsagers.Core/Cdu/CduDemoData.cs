namespace RelationsUsagers.Core.Cdu;

/// <summary>The demo CDU: a full composition (R.1112-81), its recommendations and the texts of its meetings.</summary>
internal static class CduDemoData
{
    private const char Nbsp = CduText.Nbsp;

    public const string Place = "Salle du conseil de surveillance, bâtiment administratif";

    /// <summary>
    /// Members with mandates relative to <paramref name="today"/>: most started 25 months ago (so they sat on the past
    /// year's meetings), one patient representative's ends within 4 months. The president (patient representative, 3°)
    /// and the vice-president (medical mediator, 2°) come from different categories (R.1112-81-1); the medical mediator
    /// and his deputy work in different departments (R.1112-82). The demo accounts "cdu" and "mediator" are members.
    /// </summary>
    public static List<CduMember> Members(DateOnly today)
    {
        var start = today.AddMonths(-25);
        var endingSoon = today.AddMonths(3).AddYears(-CduMember.MandateYears);
        CduMember New(string name, CduCategory category, bool deputy = false, string? department = null, string? association = null,
            DateOnly? from = null) => new()
        {
            FullName = name, Category = category, IsDeputy = deputy, Department = department, Association = association,
            MandateStart = from ?? start, MandateEnd = CduMember.DefaultMandateEnd(from ?? start),
        };
        var president = New("Mme Josiane Bernard", CduCategory.PatientRepresentative, association: "France Assos Santé", from: today.AddMonths(-14));
        (president.Office, president.OfficeRenewals, president.Renewals, president.UserName) = (CduOffice.President, 1, 1, "cdu");
        president.Email = "josiane.bernard@example.fr";
        var vicePresident = New("Dr Hélène Martin", CduCategory.MedicalMediator, department: "Médecine interne");
        (vicePresident.Office, vicePresident.UserName, vicePresident.Email) = (CduOffice.VicePresident, "mediator", "helene.martin@example.fr");
        return
        [
            New("Mme Anne Castel, directrice adjointe chargée des usagers", CduCategory.LegalRepresentative),
            vicePresident,
            New("Dr Isabelle Roux", CduCategory.MedicalMediator, deputy: true, department: "Gériatrie"),
            New("Mme Sylvie Morel", CduCategory.NonMedicalMediator, department: "Direction des soins"),
            New("M. Thierry Josse", CduCategory.NonMedicalMediator, deputy: true, department: "Accueil et admissions"),
            president,
            New("M. Gérard Hamon", CduCategory.PatientRepresentative, association: "UFC-Que Choisir"),
            New("Mme Colette Barbier", CduCategory.PatientRepresentative, deputy: true, association: "France Assos Santé"),
            New("Mme Odile Prévost", CduCategory.PatientRepresentative, deputy: true, association: "UNAF", from: endingSoon),
            New("Dr François Lemoine, président de la CME", CduCategory.CmePresident),
            New("Mme Nadia Cherif, cadre supérieure de santé", CduCategory.NursingCommission),
            New("M. Olivier Blanc, responsable qualité", CduCategory.QualityOfficer),
        ];
    }

    /// <summary>A few recommendations of last year and this year, in every status; <paramref name="meetings"/> are the held ones, oldest first.</summary>
    public static List<CduRecommendation> Recommendations(DateOnly today, IReadOnlyList<CduMeeting> meetings)
    {
        Guid? Meeting(int index) => meetings.Count > index ? meetings[index].Id : null;
        int YearOf(int index) => meetings.Count > index ? meetings[index].Date.Year : today.Year;
        return
        [
            new() { Year = YearOf(0), MeetingId = Meeting(0), Owner = "Direction des soins", DueOn = today.AddMonths(-6),
                Text = "Désigner dans chaque service un interlocuteur chargé d'informer les proches des patients hospitalisés aux urgences.",
                Status = CduRecommendationStatus.Done, FollowUpComment = "Référents désignés dans les 12 services concernés ; affichage en salle d'attente." },
            new() { Year = YearOf(0), MeetingId = Meeting(0), Owner = "Direction des finances", DueOn = today.AddMonths(-3),
                Text = "Simplifier le courrier de facturation des consultations externes et y indiquer le contact du bureau des admissions.",
                Status = CduRecommendationStatus.NotDone, FollowUpComment = "Reporté : refonte du logiciel de facturation prévue l'an prochain." },
            new() { Year = YearOf(1), MeetingId = Meeting(1), Owner = "Pôle urgences", DueOn = today.AddMonths(2),
                Text = "Informer toutes les deux heures les patients en attente aux urgences du délai prévisible de prise en charge.",
                Status = CduRecommendationStatus.InProgress, FollowUpComment = "Écran d'information installé ; annonces orales en cours d'organisation." },
            new() { Year = YearOf(2), MeetingId = Meeting(2), Owner = "Direction de la logistique", DueOn = today.AddMonths(4),
                Text = "Écrire une procédure d'inventaire et de restitution des biens des patients lors des transferts entre services.",
                Status = CduRecommendationStatus.Planned },
            new() { Year = YearOf(3), MeetingId = Meeting(3), Owner = "Direction de la qualité", DueOn = today.AddMonths(5),
                Text = "Intégrer au livret d'accueil une page sur la CDU, les représentants des usagers et la façon de les joindre.",
                Status = CduRecommendationStatus.InProgress },
        ];
    }

    public static string Minutes(DateOnly date, int examined) =>
        $"Procès-verbal de la séance du {CduText.Date(date)}.\n" +
        "1. Le procès-verbal de la séance précédente est approuvé à l'unanimité.\n" +
        "2. La commission prend connaissance des plaintes et réclamations reçues depuis la dernière séance et des réponses apportées.\n" +
        (examined == 0 ? "3. Aucune réclamation n'est à examiner après médiation.\n"
            : $"3. La commission examine {examined} réclamation{(examined > 1 ? "s" : "")} après médiation et rend ses avis (art. R.1112-94 du CSP).\n") +
        "4. Les délais de communication des dossiers médicaux sont présentés ; la commission demande un point sur les dossiers de plus de cinq ans.\n" +
        "5. Suivi des recommandations : voir le tableau joint.\n" +
        "La séance est levée à 16 h 30.";

    public const string Satisfaction =
        "Questionnaires de sortie : 1 284 reçus (taux de retour 11 %) ; 92 % de patients satisfaits ou très satisfaits de leur prise en charge. " +
        "e-Satis +48 h MCO : score global 74,1/100 ; e-Satis MCO chirurgie ambulatoire : 79,6/100. Points faibles : repas et information à la sortie.";

    /// <summary>
    /// The serious adverse events for a meeting on <paramref name="meetingOn"/>: in the first quarter, those declared since
    /// the last quarter's meeting (which presented the previous year's), else those of the year so far.
    /// </summary>
    public static string AdverseEventsSoFar(DateOnly meetingOn) =>
        (meetingOn.Month <= 3 ? $"Depuis la séance du 4e trimestre {meetingOn.Year - 1}" : $"Depuis le 1er janvier {meetingOn.Year}") +
        $"{Nbsp}: 4 événements indésirables graves associés aux soins déclarés à l'ARS (2 chutes avec fracture en gériatrie, " +
        "une erreur d'administration d'anticoagulant en chirurgie, un retard de prise en charge aux urgences). 3 analyses " +
        $"approfondies menées en RMM ou en CREX, la quatrième prévue le mois prochain. Actions correctives{Nbsp}: évaluation du " +
        "risque de chute à l'entrée en gériatrie, double contrôle des anticoagulants injectables, rappel de la procédure d'appel " +
        "du médecin senior aux urgences. Aucun de ces événements n'a donné lieu à une réclamation à ce jour.";

    public const string AdverseEvents =
        "14 événements indésirables graves associés aux soins déclarés à l'ARS (chutes, erreurs médicamenteuses, retards de prise en charge) ; " +
        "11 analyses approfondies (RMM, CREX) ; actions correctives : double contrôle des médicaments à risque, protocole de prévention des chutes.";
}
