namespace RelationsUsagers.Core.Cases;

/// <summary>The hospital's departments offered in forms (a case may also name others, typed freely).</summary>
public static class HospitalServices
{
    public static readonly IReadOnlyList<string> All =
    [
        "Accueil et admissions", "Anesthésie", "Cardiologie", "Chirurgie digestive", "Chirurgie orthopédique", "Chirurgie vasculaire",
        "Dermatologie", "Endocrinologie", "Gastro-entérologie", "Gériatrie", "Gynécologie-obstétrique", "Hématologie", "Imagerie médicale",
        "Laboratoire", "Maternité", "Médecine interne", "Néonatologie", "Néphrologie", "Neurologie", "Oncologie", "ORL", "Ophtalmologie",
        "Pédiatrie", "Pneumologie", "Psychiatrie adulte", "Psychiatrie infanto-juvénile", "Réanimation", "Rhumatologie", "SAMU-SMUR",
        "Soins de suite et de réadaptation", "Unité de soins palliatifs", "Urgences", "Urologie", "Facturation", "Restauration",
    ];
}
