using LeadAgent.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Planner;

internal static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("tasks", "Tasks");
        g.MapGet("/", (TaskService s, [AsParameters] TaskListQuery q, CancellationToken ct) => s.ListAsync(q, ct))
            .WithSummary("Tasks and the planner's proposals: owner=me or a user id, state, leadId; soonest due first")
            .ProducesValidationProblem();
        g.MapGet("/{id:guid}", (TaskService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapPost("/", async Task<Created<TaskDto>> (TaskService s, TaskInput input, CancellationToken ct) =>
        {
            var task = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/tasks/{task.Id}", task);
        }).WithSummary("Add a to-do (owner defaults to the caller)").Writes();
        g.MapPatch("/{id:guid}", (TaskService s, Guid id, TaskPatch patch, CancellationToken ct) =>
                s.UpdateAsync(id, patch, ct))
            .WithSummary("Done, snooze (until), dismiss (reason), reopen or edit a task, with the version read")
            .Writes();

        app.MapApiGroup("today", "Tasks").MapGet("/", (TaskService s, CancellationToken ct) => s.TodayAsync(ct))
            .WithSummary("The caller's tasks by urgency: overdue, now (a channel window closing), today, upcoming, "
                + "and proposals nobody owns");
    }
}
