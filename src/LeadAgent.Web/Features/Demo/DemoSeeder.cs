using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Demo;

/// <summary>
/// A realistic demo workspace: companies in the four segments, contacts, leads in every status, notes and lists.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory, UserManager<AppUser> users, TimeProvider time,
    IOptions<CrmOptions> crm)
{
    private static readonly (string Name, string Domain, Segment Segment, string Country, string City, string Industry,
        SizeBand Size)[] Companies =
    [
        ("Eventwerk Berlin", "eventwerk-berlin.de", Segment.EventAgency, "DE", "Berlin",
            "Event management", SizeBand.Small),
        ("Stagecraft Live", "stagecraft-live.co.uk", Segment.EventAgency, "GB", "London",
            "Live events", SizeBand.Medium),
        ("Gulf Events FZ-LLC", "gulfevents.ae", Segment.EventAgency, "AE", "Dubai", "Exhibitions", SizeBand.Medium),
        ("Alpine Incentives", "alpine-incentives.at", Segment.EventAgency, "AT", "Innsbruck",
            "Incentive travel", SizeBand.Small),
        ("Messebau Nord GmbH", "messebau-nord.de", Segment.EventAgency, "DE", "Hamburg",
            "Trade-fair construction", SizeBand.Medium),
        ("Brightside Conferences", "brightside-conferences.nl", Segment.EventAgency, "NL", "Amsterdam",
            "Conferences", SizeBand.Small),
        ("Lumière Événements", "lumiere-evenements.fr", Segment.EventAgency, "FR", "Lyon",
            "Corporate events", SizeBand.Micro),
        ("Nordlicht Logistik AG", "nordlicht-logistik.de", Segment.CorporateClient, "DE", "Bremen",
            "Logistics", SizeBand.Large),
        ("Helvetia Pharma Services", "helvetia-pharma.ch", Segment.CorporateClient, "CH", "Basel",
            "Pharmaceuticals", SizeBand.Enterprise),
        ("Desert Rose Hospitality", "desertrose-hospitality.ae", Segment.CorporateClient, "AE", "Abu Dhabi",
            "Hospitality", SizeBand.Large),
        ("Thames Insurance Group", "thames-insurance.co.uk", Segment.CorporateClient, "GB", "London",
            "Insurance", SizeBand.Enterprise),
        ("Rheinland Energie", "rheinland-energie.de", Segment.CorporateClient, "DE", "Cologne",
            "Energy", SizeBand.Large),
        ("Polder Tech BV", "poldertech.nl", Segment.CorporateClient, "NL", "Eindhoven", "Electronics", SizeBand.Medium),
        ("Vienna Fintech Hub", "viennafintech.at", Segment.CorporateClient, "AT", "Vienna",
            "Financial services", SizeBand.Medium),
        ("Kaffeerösterei Morgenrot", "morgenrot-kaffee.de", Segment.BrandOwner, "DE", "Munich",
            "Food & beverage", SizeBand.Small),
        ("Oasis Beverages", "oasis-beverages.ae", Segment.BrandOwner, "AE", "Sharjah", "Beverages", SizeBand.Medium),
        ("Maison Clairette", "maison-clairette.fr", Segment.BrandOwner, "FR", "Paris", "Cosmetics", SizeBand.Medium),
        ("Bergsport Outdoor", "bergsport-outdoor.ch", Segment.BrandOwner, "CH", "Zurich",
            "Outdoor apparel", SizeBand.Medium),
        ("Highland Spirits Ltd", "highland-spirits.co.uk", Segment.BrandOwner, "GB", "Edinburgh",
            "Spirits", SizeBand.Small),
        ("Tulip Sneakers", "tulipsneakers.nl", Segment.BrandOwner, "NL", "Rotterdam", "Footwear", SizeBand.Small),
        ("PromoPartner Handels GmbH", "promopartner.de", Segment.Reseller, "DE", "Frankfurt",
            "Promotional products", SizeBand.Small),
        ("Emirates Merch Trading", "emiratesmerch.ae", Segment.Reseller, "AE", "Dubai", "Wholesale", SizeBand.Medium),
        ("Werbemittel Schmidt", "werbemittel-schmidt.at", Segment.Reseller, "AT", "Graz",
            "Promotional products", SizeBand.Micro),
        ("BrandBox Distribution", "brandbox.co.uk", Segment.Reseller, "GB", "Manchester",
            "Distribution", SizeBand.Medium),
        ("Giveaway Factory", "giveaway-factory.nl", Segment.Reseller, "NL", "Utrecht",
            "Promotional products", SizeBand.Small),
        ("Print & Promo Lyon", "printpromo-lyon.fr", Segment.Reseller, "FR", "Lyon", "Printing", SizeBand.Micro),
        ("Sunrise Ventures", "sunrise-ventures.ch", Segment.Unknown, "CH", "Geneva", "Investments", SizeBand.Unknown),
        ("Atlas Holdings", "atlas-holdings.ae", Segment.Unknown, "AE", "Dubai", "Holding", SizeBand.Unknown),
    ];

    private static readonly string[] FirstNames =
    [
        "Anna", "Jonas", "Fatima", "Oliver", "Sophie", "Ahmed", "Lena", "Lucas", "Mariam", "Thomas", "Chloé", "Daan",
        "Emma", "Yusuf", "Clara", "Noah",
    ];
    private static readonly string[] LastNames =
    [
        "Müller", "Schneider", "Al Mansouri", "Smith", "van Dijk", "Dubois", "Huber", "Keller", "Haddad", "Brown",
        "Fischer", "Jansen", "Martin", "Wagner",
    ];
    private static readonly string[] Roles =
    [
        "Head of Events", "Procurement Manager", "Marketing Director", "Brand Manager", "Office Manager",
        "Purchasing Lead", "CEO", "Project Manager",
    ];
    private static readonly string[] Products =
    [
        "branded drinkware", "conference badges", "tote bags", "trade-fair giveaways", "premium gift sets",
        "staff uniforms", "event signage", "notebooks",
    ];

    /// <summary>Seeds an empty database; true when it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Companies.AnyAsync(ct) || await db.Leads.AnyAsync(ct))
        {
            return false;
        }
        await SeedAsync(ct);
        return true;
    }

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var rnd = new Random(20261124);
        var owners = await EnsureDemoUsersAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var statuses = Enum.GetValues<LeadStatus>();
        var sources = Enum.GetValues<LeadSource>();
        var leads = new List<Lead>();
        var index = 0;
        await DemoCustomFields.EnsureAsync(db, ct);
        await DemoRates.EnsureAsync(db, crm.Value, now, ct);
        foreach (var c in Companies)
        {
            if (await db.Companies.AnyAsync(x => x.Domain == c.Domain, ct))
            {
                continue;
            }
            var company = Company.Named(c.Name);
            company.Website = "https://www." + c.Domain;
            company.Domain = c.Domain;
            company.Country = c.Country;
            company.City = c.City;
            company.Segment = c.Segment;
            company.Industry = c.Industry;
            company.SizeBand = c.Size;
            company.Tags = index % 3 == 0 ? ["key-account"] : [];
            company.CreatedAt = now.AddDays(-rnd.Next(5, 200));
            db.Companies.Add(company);
            var contacts = new List<Contact>();
            for (var i = 0; i < 1 + (index % 3); i++)
            {
                var first = FirstNames[rnd.Next(FirstNames.Length)];
                var last = LastNames[rnd.Next(LastNames.Length)];
                var contact = Contact.Named(first, last);
                contact.Role = Roles[rnd.Next(Roles.Length)];
                contact.CompanyId = company.Id;
                contact.CreatedAt = company.CreatedAt;
                var local = $"{first}.{last}".ToLowerInvariant().Replace(' ', '-').Replace("ü", "ue")
                    .Replace("é", "e");
                contact.Reach(IdentityKind.Email, $"{local}@{c.Domain}", isPrimary: true);
                if (i == 0)
                {
                    contact.Reach(IdentityKind.WhatsApp, DemoPhone(c.Country, rnd), isPrimary: false);
                }
                contacts.Add(contact);
                db.Contacts.Add(contact);
            }
            for (var j = 0; j < 4 + (index % 3); j++)
            {
                var status = statuses[(index + j) % statuses.Length];
                var score = rnd.Next(0, 101);
                var created = now.AddDays(-rnd.Next(0, 84)).AddHours(-rnd.Next(0, 24));
                var title = $"{Products[rnd.Next(Products.Length)]} for {c.Name}".Transform();
                var lead = Lead.Open(title, company.Id, sources[(index * 3 + j) % sources.Length], created,
                    CurrencyOf(c.Country));
                lead.SetStatus(status, created);
                lead.PrimaryContactId = contacts[j % contacts.Count].Id;
                lead.OwnerId = (index + j) % 5 == 0 ? null : owners[(index + j) % owners.Count];
                lead.Score = (index + j) % 7 == 6 ? null : score;
                lead.Classification = (index + j) % 7 == 6 ? null
                    : score >= 70 ? Classification.Hot : score >= 40 ? Classification.Warm : Classification.Cold;
                lead.ExpectedValue = rnd.Next(5, 250) * 100m;
                lead.NextActionOn = status is LeadStatus.Won or LeadStatus.Lost or LeadStatus.Disqualified ? null
                    : DateOnly.FromDateTime(now.AddDays(rnd.Next(-3, 21)));
                lead.Tags = j % 4 == 0 ? ["trade-fair"] : [];
                lead.CustomFields = j % 4 == 0 ? DemoCustomFields.ForFairLead(index * 10 + j, now) : [];
                lead.CreatedAt = created;
                leads.Add(lead);
                db.Leads.Add(lead);
            }
            index++;
        }
        await db.SaveChangesAsync(ct);

        foreach (var lead in leads.Where((_, i) => i % 6 == 0))
        {
            db.Notes.Add(new Note
            {
                SubjectType = NoteSubject.Lead,
                SubjectId = lead.Id,
                AuthorName = "system",
                Body = "Met at **Messe Frankfurt**. Interested in a sample box; follow up with pricing for 500+ units.",
            });
        }
        // Two years of order history for most clients, so the company pages and order filters have something to show.
        var categories = new[]
        {
            ("Drinkware", 4.9m), ("Bags", 2.4m), ("Badges", 0.8m), ("Apparel", 12.5m), ("Signage", 85m),
            ("Gift sets", 39m),
        };
        var orderNo = 1000;
        foreach (var company in db.Companies.Local.Where((_, i) => i % 3 != 2).ToList())
        {
            for (var k = 0; k < 1 + rnd.Next(6); k++)
            {
                var order = Order.Place($"SO-{++orderNo}", company.Id,
                    DateOnly.FromDateTime(now.AddDays(-rnd.Next(10, 720))), CurrencyOf(company.Country));
                order.Status = k == 0 && rnd.Next(4) == 0 ? OrderStatus.Shipped : OrderStatus.Paid;
                foreach (var (category, price) in categories.OrderBy(_ => rnd.Next()).Take(1 + rnd.Next(3)))
                {
                    // Whole quantities at cent prices: the line totals are exact.
                    order.AddLine($"{category} ({company.Segment})", category, rnd.Next(1, 40) * 25m, price);
                }
                order.Total = order.Lines.Sum(l => l.LineTotal);
                db.Orders.Add(order);
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var company in db.Companies.Local.ToList())
        {
            await OrderService.RecomputeCompanyAsync(db, company.Id, ct);
        }

        var hot = new LeadList
        {
            Name = "Hot this quarter",
            Description = "Leads scoring 70+ that we want to close this quarter.",
        };
        var fair = new LeadList
        {
            Name = "Trade-fair follow-ups",
            Description = "Everyone we met at the autumn trade fairs.",
        };
        if (!await db.LeadLists.AnyAsync(l => l.Name == hot.Name || l.Name == fair.Name, ct))
        {
            db.LeadLists.AddRange(hot, fair);
            db.LeadListMembers.AddRange(leads.Where(l => l.Score >= 70)
                .Select(l => new LeadListMember { ListId = hot.Id, LeadId = l.Id, AddedAt = now }));
            db.LeadListMembers.AddRange(leads.Where(l => l.Tags.Contains("trade-fair"))
                .Select(l => new LeadListMember { ListId = fair.Id, LeadId = l.Id, AddedAt = now }));
        }
        await db.SaveChangesAsync(ct);
        return leads.Count;
    }

    private static string CurrencyOf(string? country) =>
        country is "GB" ? "GBP" : country is "AE" ? "AED" : country is "CH" ? "CHF" : "EUR";

    private static string DemoPhone(string country, Random rnd) => country switch
    {
        "DE" => $"+49151{rnd.Next(10000000, 99999999)}",
        "AT" => $"+43664{rnd.Next(1000000, 9999999)}",
        "CH" => $"+4179{rnd.Next(1000000, 9999999)}",
        "AE" => $"+97150{rnd.Next(1000000, 9999999)}",
        "GB" => $"+447700{rnd.Next(100000, 999999)}",
        "NL" => $"+316{rnd.Next(10000000, 99999999)}",
        _ => $"+336{rnd.Next(10000000, 99999999)}",
    };

    // Demo sales people own leads; they have no password until an admin sets one up.
    private async Task<List<string>> EnsureDemoUsersAsync()
    {
        var ids = new List<string>();
        var people = new[]
        {
            ("anna.berger@demo.leadagent", "Anna Berger"), ("omar.haddad@demo.leadagent", "Omar Haddad"),
            ("julia.weiss@demo.leadagent", "Julia Weiss"),
        };
        foreach (var (email, name) in people)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = name,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                };
                await users.CreateAsync(user);
                await users.AddToRoleAsync(user, Data.Roles.Sales);
            }
            ids.Add(user.Id);
        }
        return ids;
    }
}

internal static class DemoText
{
    public static string Transform(this string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
