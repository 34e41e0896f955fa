"""Individual action plans: versions, goals by area, tasks; and templates that pre-fill them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic_app.models.base import Base, Timestamps, enum_type
from clinic_app.vocabulary import PlanArea, PlanState, TaskStatus


class ActionPlan(Timestamps, Base):
    __tablename__ = "action_plan"
    __table_args__ = (CheckConstraint("period_to IS NULL OR period_to >= period_from", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    review_date: Mapped[date | None] = mapped_column(Date, index=True)
    template_key: Mapped[str] = mapped_column(String(40), default="")
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)

    versions: Mapped[list[ActionPlanVersion]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="ActionPlanVersion.number"
    )


class ActionPlanVersion(Timestamps, Base):
    """One version of a plan. Agreed versions are frozen; edits go to a new draft."""

    __tablename__ = "action_plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("action_plan.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[PlanState] = mapped_column(enum_type(PlanState, "plan_state"))
    agreed_at: Mapped[datetime | None] = mapped_column(DateTime)
    agreed_by_person: Mapped[bool] = mapped_column(Boolean, default=False)
    agreed_contact_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    agreed_guardian_name: Mapped[str] = mapped_column(String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    plan: Mapped[ActionPlan] = relationship(back_populates="versions")
    goals: Mapped[list[PlanGoal]] = relationship(
        back_populates="plan_version", cascade="all, delete-orphan", order_by="PlanGoal.position"
    )

    __mapper_args__ = {"version_id_col": version}


class PlanGoal(Base):
    __tablename__ = "plan_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_version_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan_version.id", ondelete="CASCADE"), index=True
    )
    area: Mapped[PlanArea] = mapped_column(enum_type(PlanArea, "plan_area"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan_version: Mapped[ActionPlanVersion] = relationship(back_populates="goals")
    tasks: Mapped[list[PlanTask]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="PlanTask.position"
    )


class PlanTask(Base):
    __tablename__ = "plan_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("plan_goal.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    responsible_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    responsible_partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    responsible_text: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[TaskStatus] = mapped_column(
        enum_type(TaskStatus, "task_status"), default=TaskStatus.OPEN
    )
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    goal: Mapped[PlanGoal] = relationship(back_populates="tasks")


class PlanTemplate(Timestamps, Base):
    """Typical goals for a situation, as JSON: [{"area", "title", "tasks": [..]}]."""

    __tablename__ = "plan_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    for_minors: Mapped[bool] = mapped_column(Boolean, default=False)
    goals_json: Mapped[str] = mapped_column(Text, default="[]")
