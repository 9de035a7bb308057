using LeadAgent.Web.Features.Crm.Activity;
using LeadAgent.Web.Features.Crm.Companies;
using LeadAgent.Web.Features.Crm.Contacts;
using LeadAgent.Web.Features.Crm.Dashboard;
using LeadAgent.Web.Features.Crm.Duplicates;
using LeadAgent.Web.Features.Crm.Export;
using LeadAgent.Web.Features.Crm.Imports;
using LeadAgent.Web.Features.Crm.Leads;
using LeadAgent.Web.Features.Crm.Lists;
using LeadAgent.Web.Features.Crm.Notes;
using LeadAgent.Web.Features.Crm.Orders;

namespace LeadAgent.Web.Features.Crm;

public static class CrmModule
{
    public static IHostApplicationBuilder AddCrm(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrmOptions>().BindConfiguration(CrmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CompanyService>();
        builder.Services.AddScoped<ContactService>();
        builder.Services.AddScoped<LeadService>();
        builder.Services.AddScoped<BulkUpdateLeads>();
        builder.Services.AddScoped<SavedViewService>();
        builder.Services.AddScoped<LeadListService>();
        builder.Services.AddScoped<NoteService>();
        builder.Services.AddScoped<ActivityService>();
        builder.Services.AddScoped<DashboardService>();
        builder.Services.AddScoped<OrderService>();
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddSingleton<ImportSignal>();
        builder.Services.AddSingleton<ImportProcessor>();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddScoped<DuplicateService>();
        builder.Services.AddScoped<MergeService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCrmEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCompanyEndpoints();
        app.MapContactEndpoints();
        app.MapLeadEndpoints();
        app.MapLeadListEndpoints();
        app.MapNoteEndpoints();
        app.MapActivityEndpoints();
        app.MapDashboardEndpoints();
        app.MapOrderEndpoints();
        app.MapExportEndpoints();
        app.MapImportEndpoints();
        app.MapDuplicateEndpoints();
        return app;
    }
}
